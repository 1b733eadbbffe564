using Migrations.Testing;
using Npgsql;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// The PostgreSQL password reaches no output, on the paths PostgresProcessTests does not walk: the
/// commands validate, rollback (and its dry run), seed and script --out; exit 3 (pending), exit 4
/// (lock timeout) and a cancelled run; JSON logs of a failure; every log level on; the connection
/// string given as configuration (an environment variable, as pipelines pass secrets) and a
/// Production backup taken with it. SQLite connections carry no password to leak.
/// </summary>
public sealed class SecretsFaultTests
{
    private const string Password = "Gauge-S3cret-Pw";
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

    [Test]
    public async Task The_password_reaches_no_output_of_any_command_on_any_exit_path_in_either_log_format()
    {
        var script = Path.Combine(_work, "review.sql");
        var outputs = new List<(string Name, int Expected, RunnerProcess.Result Result)>();
        async Task Run(string name, int expected, IDictionary<string, string>? faults, params string[] command) =>
            outputs.Add((name, expected, await RunnerProcess.RunAsync(_work, Variables(faults), Args(command))));

        await Run("migrate --target 1, JSON", 0, null, "migrate", "--target", "1", "--log-format", "json");

        // While a run holds the lock: a second migrate times out, and the read-only commands run beside it.
        using (var holder = WatchedRun.Start(_work, Variables(GaugeRuns.Slow(120)), Args("migrate")))
        {
            await holder.WaitForStatementAsync(GaugeRuns.SlowStatement(Provider.Postgres), TimeSpan.FromSeconds(90));
            await Task.WhenAll(
                Run("migrate --lock-timeout 1, JSON", 4, null, "migrate", "--lock-timeout", "1", "--log-format", "json"),
                Run("status --fail-on-pending", 3, null, "status", "--fail-on-pending"),
                Run("validate, JSON", 0, null, "validate", "--log-format", "json"),
                Run("script --out", 0, null, "script", "--out", script));
            await holder.TerminateAsync();
            outputs.Add(("migrate cancelled by SIGTERM", 1, await holder.FinishAsync(TimeSpan.FromSeconds(30))));
        }

        await Run("migrate failing at a statement, JSON", 1, new Dictionary<string, string> { ["FAULTS_FAIL_SECOND_STATEMENT"] = "1" }, "migrate", "--log-format", "json");
        await Run("rollback --dry-run", 0, null, "rollback", "--dry-run");
        await Run("rollback, JSON", 0, null, "rollback", "--log-format", "json");
        await Run("seed", 0, null, "seed");

        Assert.Multiple(() =>
        {
            foreach (var (name, expected, result) in outputs)
            {
                Assert.That(result.ExitCode, Is.EqualTo(expected), $"{name}: {RunnerProcess.Describe(result)}");
                Assert.That(result.All, Does.Not.Contain(Password), $"{name}: {RunnerProcess.Describe(result)}");
            }

            Assert.That(File.ReadAllText(script), Does.Not.Contain(Password), "the script file");
            Assert.That(outputs[0].Result.StandardError, Does.Contain("Password=***"), "the connection is logged, masked");
            Assert.That(Directory.GetFiles(Path.Combine(_work, "backups")), Is.Not.Empty, "Production took its backups with the password");
        });
    }

    // The throwaway cluster trusts local connections, so any password is accepted: a real secret to leak.
    private Dictionary<string, string> Variables(IDictionary<string, string>? faults) =>
        new(faults ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings__gauges"] = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Password = Password }.ConnectionString,
            ["Migrations__BackupDirectory"] = Path.Combine(_work, "backups"),
            ["Logging__LogLevel__Default"] = "Trace",
        };

    private static string[] Args(params string[] command) =>
        [.. command, "--assembly", RunnerProcess.FaultsDll, "--database", "gauges", "--provider", "postgres", "--environment", "Production"];
}
