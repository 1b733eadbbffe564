using System.Diagnostics;
using Migrations.Testing;
using Npgsql;

namespace Migrations.Runner.Tests;

/// <summary>The runner against a real PostgreSQL server: secrets, unreachable servers, signals.</summary>
public sealed class PostgresProcessTests
{
    private const string Password = "Sup3r-Secret-Pw";
    private TestDatabase _db = null!;
    private string _work = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _db = TestDatabase.Create(Provider.Postgres);
        _work = RunnerProcess.TempDirectory();
    }

    [TearDown]
    public void DropDatabase()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    // The throwaway cluster trusts local connections, so any password is accepted: a real secret to leak.
    private string ConnectionWithPassword => new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Password = Password }.ConnectionString;

    private string[] Fixture(string connection, params string[] args) =>
        [.. args, "--assembly", RunnerProcess.FixturesDll, "--database", "widgets", "--provider", "postgres", "--connection", connection, "--environment", "Production",
            .. args[0] is "migrate" or "rollback" ? new[] { "--backup", Path.Combine(_work, "backups") } : []];

    [Test]
    public async Task The_password_never_appears_in_any_output_even_on_failure()
    {
        var outputs = new List<RunnerProcess.Result>
        {
            await RunnerProcess.RunAsync(_work, null, Fixture(ConnectionWithPassword, "migrate", "--target", "3")),
            await RunnerProcess.RunAsync(_work, null, Fixture(ConnectionWithPassword, "status")),
            await RunnerProcess.RunAsync(_work, null, Fixture(ConnectionWithPassword, "status", "--json")),
            await RunnerProcess.RunAsync(_work, null, Fixture(ConnectionWithPassword, "script")),
            await RunnerProcess.RunAsync(_work, null, Fixture(ConnectionWithPassword, "migrate", "--log-format", "json")),
            await RunnerProcess.RunAsync(_work, new Dictionary<string, string> { ["FIXTURE_FAIL"] = "1" }, Fixture(ConnectionWithPassword, "migrate")),
            await RunnerProcess.RunAsync(_work, null, Fixture(ConnectionWithPassword.Replace("Port=", "Port=1", StringComparison.Ordinal) + ";Timeout=2", "migrate")),
        };

        Assert.That(outputs[0].ExitCode, Is.Zero, RunnerProcess.Describe(outputs[0]));
        Assert.That(outputs[0].StandardError, Does.Contain("Password=***"), "the connection is logged, masked");
        foreach (var output in outputs)
        {
            Assert.That(output.All, Does.Not.Contain(Password), RunnerProcess.Describe(output));
        }
    }

    [Test]
    public async Task An_unreachable_server_fails_with_exit_1_within_the_connect_timeout()
    {
        var unreachable = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=3;Password=" + Password;

        var result = await RunnerProcess.RunAsync(_work, null, Fixture(unreachable, "migrate"));

        Assert.That(result.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Does.Contain("error: cannot connect to PostgreSQL at 127.0.0.1:1/none"));
        Assert.That(result.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        Assert.That(result.All, Does.Not.Contain(Password));
    }

    [Test]
    public async Task The_published_style_run_migrates_a_database_given_only_a_connection_string_and_an_environment()
    {
        var result = await RunnerProcess.RunAsync(_work, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" },
            "migrate", "--assembly", RunnerProcess.FixturesDll, "--connection", _db.ConnectionString, "--database", "widgets", "--backup", Path.Combine(_work, "backups"));

        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That(_db.Scalar("SELECT \"Environment\" FROM \"migrations\".\"VersionInfo\" WHERE \"Version\" = 1"), Is.EqualTo("Production"));
    }

    [Test]
    public async Task SIGTERM_during_a_long_migration_rolls_it_back_and_exits_non_zero()
    {
        using var process = RunnerProcess.Start(_work, new Dictionary<string, string> { ["FIXTURE_SLEEP_SECONDS"] = "60" }, Fixture(_db.ConnectionString, "migrate"));
        await WaitUntilAsync(() => _db.Count("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%' AND state = 'active'") > 0, TimeSpan.FromSeconds(60));

        using (var kill = Process.Start("kill", $"-TERM {process.Id}"))
        {
            await kill.WaitForExitAsync();
        }

        var result = await RunnerProcess.FinishAsync(process, TimeSpan.FromSeconds(30));

        Assert.That(result.ExitCode, Is.Not.Zero, RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Does.Contain("cancelled"));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3 }), "the database is at the previous version");
        Assert.That(SchemaSnapshot.Tables(_db), Has.No.Member("slow_marker"), "the interrupted migration left nothing behind");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"condition not met within {timeout}");
            }

            await Task.Delay(100);
        }
    }
}
