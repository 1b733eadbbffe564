using System.Diagnostics;
using Migrations.Engine.Postgres;
using Migrations.Testing;
using Npgsql;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// PostgreSQL faults, each with the real runner as a process against the real server: a runner
/// killed mid-statement, statements longer than Npgsql's default timeout, and the run lock behind a
/// real PgBouncer in transaction and in session pooling mode (started here, once for the class).
/// The widgets fixture's step 4 sleeps FIXTURE_SLEEP_SECONDS on the server.
/// </summary>
public sealed class PostgresFaultTests
{
    private PgBouncer _transactionPooler = null!;
    private PgBouncer _sessionPooler = null!;
    private TestDatabase _db = null!;
    private string _work = null!;

    [OneTimeSetUp]
    public void StartPoolers()
    {
        _transactionPooler = PgBouncer.Start("transaction");
        _sessionPooler = PgBouncer.Start("session");
    }

    [OneTimeTearDown]
    public void StopPoolers()
    {
        _transactionPooler?.Dispose();
        _sessionPooler?.Dispose();
    }

    [SetUp]
    public void CreateDatabase()
    {
        _db = TestDatabase.Create(Provider.Postgres, "pgfault");
        _work = RunnerProcess.TempDirectory();
    }

    [TearDown]
    public void DropDatabase()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private string[] Widgets(string connection, params string[] args) =>
        [.. args, "--assembly", RunnerProcess.FixturesDll, "--database", "widgets", "--provider", "postgres", "--connection", connection,
            "--environment", "Production", "--backup", Path.Combine(_work, "backups")];

    private static Dictionary<string, string> Sleep(int seconds, params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string> { ["FIXTURE_SLEEP_SECONDS"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }

        return environment;
    }

    private long Sleeping(int seconds) =>
        _db.Count($"SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep({seconds})%' AND state = 'active'");

    private long AdvisoryLocks() =>
        _db.Count("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()");

    [Test]
    public async Task A_runner_killed_mid_statement_does_not_hold_up_the_next_run()
    {
        using var killed = RunnerProcess.Start(_work, Sleep(600), Widgets(_db.ConnectionString, "migrate"));
        await WaitUntilAsync(() => Sleeping(600) > 0, TimeSpan.FromSeconds(60));

        killed.Kill(); // SIGKILL: no cleanup of any kind runs in the runner
        await killed.WaitForExitAsync();
        var sinceKill = Stopwatch.StartNew();

        // Without the server noticing the dead client, its statement (and its transaction's locks) would last 600 s.
        await WaitUntilAsync(() => Sleeping(600) == 0 && AdvisoryLocks() == 0, TimeSpan.FromSeconds(60));
        var freedAfter = sinceKill.Elapsed;
        var next = await RunnerProcess.FinishAsync(RunnerProcess.Start(_work, null, Widgets(_db.ConnectionString, "migrate", "--lock-timeout", "10")), TimeSpan.FromSeconds(90));
        TestContext.Out.WriteLine($"after kill -9: the server freed the killed run's statement and lock in {freedAfter.TotalSeconds:0.0} s; the next run finished {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill");

        Assert.That(freedAfter, Is.LessThan(TimeSpan.FromSeconds(5)), "a killed runner blocks the next deploy for a few seconds at most");

        Assert.That(next.ExitCode, Is.Zero, RunnerProcess.Describe(next));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That(Sleeping(600), Is.Zero, "the killed runner's statement was cancelled by the server");
    }

    [Test]
    public async Task A_statement_longer_than_CommandTimeoutSeconds_fails_with_the_timed_out_line_and_is_rolled_back()
    {
        var result = await RunnerProcess.RunAsync(_work, Sleep(5, ("Migrations__CommandTimeoutSeconds", "1")), Widgets(_db.ConnectionString, "migrate"));

        Assert.That(result.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Does.Contain("error: widgets: migration 4: SlowStep timed out after 1 s in statement [SELECT pg_sleep(5)]; it was rolled back"));
        var errorLines = result.StandardError.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
        Assert.That(errorLines, Has.Length.EqualTo(1), "one error line");
        Assert.That(errorLines[0], Does.Not.Contain("unexpected").And.Not.Contain("Exception while reading from stream"));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(SchemaSnapshot.Tables(_db), Has.No.Member("slow_marker"), "the timed-out migration left nothing behind");
    }

    [Test]
    public async Task A_Command_Timeout_written_in_the_connection_string_is_respected()
    {
        var connection = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { CommandTimeout = 1 }.ConnectionString;

        var result = await RunnerProcess.RunAsync(_work, Sleep(5), Widgets(connection, "migrate"));

        Assert.That(result.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Does.Contain("error: widgets: migration 4: SlowStep timed out after 1 s"));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Without_a_configured_timeout_statements_have_no_limit()
    {
        // Npgsql's default of 30 s is what cut real backfills; the run's connections carry none.
        var provider = new PostgresProvider();
        Assert.That(new NpgsqlConnectionStringBuilder(provider.Normalize(_db.ConnectionString)).CommandTimeout, Is.Zero);
        await using (var connection = (NpgsqlConnection)await provider.OpenAsync(_db.ConnectionString, CancellationToken.None))
        {
            Assert.That(connection.CommandTimeout, Is.Zero, "our own connections (journal, guard, lock)");
        }

        var explicitLimit = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { CommandTimeout = 45 }.ConnectionString;
        Assert.That(new NpgsqlConnectionStringBuilder(provider.Normalize(explicitLimit)).CommandTimeout, Is.EqualTo(45), "a limit the user wrote stays");

        // FluentMigrator's connection: a statement past a 1 s connection-string limit is cut (above), one with none runs to its end.
        var result = await RunnerProcess.RunAsync(_work, Sleep(3), Widgets(_db.ConnectionString, "migrate"));
        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task Through_a_transaction_pooler_the_lock_holds_and_a_second_run_gets_exit_4()
    {
        var pooled = _transactionPooler.Through(_db.ConnectionString);
        using var first = RunnerProcess.Start(_work, Sleep(8), Widgets(pooled, "migrate"));
        await WaitUntilAsync(() => Sleeping(8) > 0, TimeSpan.FromSeconds(60));

        var second = await RunnerProcess.RunAsync(_work, null, Widgets(pooled, "migrate", "--lock-timeout", "2"));
        var done = await RunnerProcess.FinishAsync(first, TimeSpan.FromSeconds(90));

        Assert.That(second.ExitCode, Is.EqualTo(4), RunnerProcess.Describe(second) + _transactionPooler.Log());
        Assert.That(second.StandardError, Does.Contain("another run holds the migration lock"));
        Assert.That(done.ExitCode, Is.Zero, RunnerProcess.Describe(done) + _transactionPooler.Log());
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task Parallel_runs_through_a_transaction_pooler_apply_each_migration_once()
    {
        var pooled = _transactionPooler.Through(_db.ConnectionString);
        var runs = Enumerable.Range(0, 4).Select(_ => RunnerProcess.RunAsync(_work, Sleep(1), Widgets(pooled, "migrate", "--lock-timeout", "60"))).ToArray();
        var results = await Task.WhenAll(runs);

        foreach (var result in results)
        {
            Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        }

        Assert.That(results.Count(r => RunnerProcess.StepLines(r, "widgets", "applied", 1) == 1), Is.EqualTo(1), "one run applied the migrations");
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That(_db.Count("SELECT count(*) FROM widget"), Is.EqualTo(1), "the insert ran once");
    }

    [Test]
    public async Task A_runner_killed_behind_a_transaction_pooler_releases_the_lock()
    {
        var pooled = _transactionPooler.Through(_db.ConnectionString);
        using var killed = RunnerProcess.Start(_work, Sleep(600), Widgets(pooled, "migrate"));
        await WaitUntilAsync(() => Sleeping(600) > 0, TimeSpan.FromSeconds(60));

        killed.Kill();
        await killed.WaitForExitAsync();
        var next = await RunnerProcess.FinishAsync(RunnerProcess.Start(_work, null, Widgets(pooled, "migrate", "--lock-timeout", "10")), TimeSpan.FromSeconds(90));

        Assert.That(next.ExitCode, Is.Zero, RunnerProcess.Describe(next) + _transactionPooler.Log());
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task Through_a_session_pooler_a_run_works_and_holds_its_lock()
    {
        var pooled = _sessionPooler.Through(_db.ConnectionString);
        using var first = RunnerProcess.Start(_work, Sleep(8), Widgets(pooled, "migrate"));
        await WaitUntilAsync(() => Sleeping(8) > 0, TimeSpan.FromSeconds(60));

        var second = await RunnerProcess.RunAsync(_work, null, Widgets(pooled, "migrate", "--lock-timeout", "2"));
        var done = await RunnerProcess.FinishAsync(first, TimeSpan.FromSeconds(90));
        var again = await RunnerProcess.RunAsync(_work, null, Widgets(pooled, "rollback", "--steps", "2"));

        Assert.That(second.ExitCode, Is.EqualTo(4), RunnerProcess.Describe(second) + _sessionPooler.Log());
        Assert.That(done.ExitCode, Is.Zero, RunnerProcess.Describe(done) + _sessionPooler.Log());
        Assert.That(again.ExitCode, Is.Zero, RunnerProcess.Describe(again));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3 }));
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
