using System.Diagnostics;
using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// A run stopped from outside in the middle of migration 2: the runner killed with SIGKILL or sent
/// SIGTERM, or its server session ended. The database is exactly as it was before that migration,
/// and the next run completes it without waiting on a stale lock.
/// </summary>
public sealed class KillFaultTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    [TestCase(Provider.Sqlite)]
    [TestCase(Provider.Postgres)]
    public async Task Kill_9_mid_migration_leaves_the_database_as_before_it_and_the_next_run_completes_it(Provider provider)
    {
        using var db = TestDatabase.Create(provider);
        var gauges = new GaugeRuns(db, _work);
        var before = await MigrateToVersion1Async(gauges, db);

        // On PostgreSQL a wait that ends: the server may run a dead client's statement to its end.
        using var run = gauges.Start(GaugeRuns.Slow(provider == Provider.Postgres ? 5 : 600), "migrate");
        await WaitUntilSlowStatementRunsAsync(run, db);
        run.Kill();
        var killed = await run.FinishAsync(TimeSpan.FromSeconds(30));
        if (provider == Provider.Sqlite)
        {
            Assert.That(File.Exists(db.FilePath + "-journal") || File.Exists(db.FilePath + "-wal"), Is.True, "killed inside migration 2's write transaction");
        }

        var after = DatabaseContents.Capture(db);
        var journalAfterKill = Harness.JournalVersions(db);

        // SQLite: a lock left by the dead runner would end this run with exit 4 after 3 s. PostgreSQL: generous,
        // as the dead client's session may run its sleep out (the advisory lock itself is on another session).
        var next = await gauges.RunAsync(null, "migrate", "--lock-timeout", provider == Provider.Postgres ? "30" : "3");

        Assert.That(killed.ExitCode, Is.Not.Zero, RunnerProcess.Describe(killed));
        Assert.That(after, Is.EqualTo(before), "the killed migration left nothing behind");
        Assert.That(journalAfterKill, Is.EqualTo(new long[] { 1 }));
        Assert.That(next.ExitCode, Is.Zero, RunnerProcess.Describe(next));
        Assert.That(Harness.JournalVersions(db), Is.EqualTo(GaugeRuns.AllVersions));
    }

    [Test]
    public async Task SIGTERM_mid_migration_on_sqlite_rolls_it_back_and_exits_1_with_one_line_then_the_next_run_completes_it()
    {
        using var db = TestDatabase.Create(Provider.Sqlite);
        var gauges = new GaugeRuns(db, _work);
        var before = await MigrateToVersion1Async(gauges, db);

        using var run = gauges.Start(GaugeRuns.Slow(600), "migrate");
        await WaitUntilSlowStatementRunsAsync(run, db);
        await run.TerminateAsync();
        var cancelled = await run.FinishAsync(TimeSpan.FromSeconds(30));
        var rolledBackByTheRunner = !File.Exists(db.FilePath + "-journal");
        var after = DatabaseContents.Capture(db);
        var next = await gauges.RunAsync(null, "migrate", "--lock-timeout", "3");

        Assert.That(cancelled.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(cancelled));
        Assert.That(GaugeRuns.ErrorLine(cancelled), Does.Contain("cancelled").And.Contain("rolled back"));
        Assert.That(rolledBackByTheRunner, Is.True, "the runner rolled back itself, leaving no hot journal for the next client");
        Assert.That(after, Is.EqualTo(before), "the cancelled migration left nothing behind");
        Assert.That(next.ExitCode, Is.Zero, RunnerProcess.Describe(next));
        Assert.That(Harness.JournalVersions(db), Is.EqualTo(GaugeRuns.AllVersions));
    }

    [Test]
    public async Task SIGTERM_line_names_the_database_and_the_migration_it_cancelled()
    {
        using var db = TestDatabase.Create(Provider.Sqlite);
        var gauges = new GaugeRuns(db, _work);

        using var run = gauges.Start(GaugeRuns.Slow(600), "migrate");
        await WaitUntilSlowStatementRunsAsync(run, db);
        await run.TerminateAsync();
        var cancelled = await run.FinishAsync(TimeSpan.FromSeconds(30));

        Assert.That(cancelled.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(cancelled));
        Assert.That(GaugeRuns.ErrorLine(cancelled), Does.Contain("gauges").And.Contain("SlowStep").And.Contain("rolled back"));
    }

    [TestCase(Provider.Sqlite)]
    [TestCase(Provider.Postgres)]
    public async Task SIGTERM_in_a_migration_without_a_transaction_says_what_stayed_and_never_rolled_back(Provider provider)
    {
        using var db = TestDatabase.Create(provider);
        var gauges = new GaugeRuns(db, _work);
        var setUp = await gauges.RunAsync(null, "migrate", "--target", "6");
        Assert.That(setUp.ExitCode, Is.Zero, RunnerProcess.Describe(setUp));

        using var run = gauges.Start(GaugeRuns.SlowUntransacted(600), "migrate");
        await WaitUntilSlowStatementRunsAsync(run, db);
        await run.TerminateAsync();
        var cancelled = await run.FinishAsync(TimeSpan.FromSeconds(30));

        Assert.That(cancelled.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(cancelled));
        var line = GaugeRuns.ErrorLine(cancelled);
        Assert.That(line, Does.StartWith("error: gauges: migration 7: AddNotesUntransacted was cancelled; it ran without a transaction"));
        Assert.That(line, Does.Contain("1 statement(s) before the cancelled one stayed applied").And.Contain("gauge_note").And.Contain("not in the journal"));
        Assert.That(line, Does.Not.Contain("rolled back"));

        // What the line says is what the database holds.
        Assert.That(SchemaSnapshot.Tables(db), Does.Contain("gauge_note"));
        Assert.That(Harness.JournalVersions(db), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public async Task A_killed_server_session_fails_the_run_with_one_line_naming_the_migration_and_the_next_run_completes_it()
    {
        using var db = TestDatabase.Create(Provider.Postgres);
        var gauges = new GaugeRuns(db, _work);
        var before = await MigrateToVersion1Async(gauges, db);

        using var run = gauges.Start(GaugeRuns.Slow(120), "migrate");
        var backend = await WaitUntilSlowStatementRunsAsync(run, db);
        db.Execute($"SELECT pg_terminate_backend({backend})");
        var failed = await run.FinishAsync(TimeSpan.FromSeconds(30));
        var after = DatabaseContents.Capture(db);
        var next = await gauges.RunAsync(null, "migrate", "--lock-timeout", "5");

        Assert.That(failed.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(failed));
        Assert.That(GaugeRuns.ErrorLine(failed), Does.Contain("gauges: migration 2: SlowStep failed").And.Contain("terminating connection due to administrator command").And.Not.Contain("unexpected"));
        Assert.That(after, Is.EqualTo(before), "the server rolled the migration back with its session");
        Assert.That(next.ExitCode, Is.Zero, RunnerProcess.Describe(next));
        Assert.That(Harness.JournalVersions(db), Is.EqualTo(GaugeRuns.AllVersions));
    }

    /// <summary>Applies migration 1 and returns the database as it is before migration 2.</summary>
    private static async Task<IReadOnlyList<string>> MigrateToVersion1Async(GaugeRuns gauges, TestDatabase db)
    {
        var setUp = await gauges.RunAsync(null, "migrate", "--target", "1");
        Assert.That(setUp.ExitCode, Is.Zero, RunnerProcess.Describe(setUp));
        return DatabaseContents.Capture(db);
    }

    /// <summary>
    /// Waits until migration 2's slow statement has started (on PostgreSQL: until the server runs it)
    /// and returns the server process running it (PostgreSQL), or 0.
    /// </summary>
    private static async Task<int> WaitUntilSlowStatementRunsAsync(WatchedRun run, TestDatabase db)
    {
        await run.WaitForStatementAsync(GaugeRuns.SlowStatement(db.Provider), StartTimeout);
        if (db.Provider != Provider.Postgres)
        {
            return 0;
        }

        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (db.Scalar("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'SELECT pg_sleep(%'") is int pid)
            {
                return pid;
            }

            if (clock.Elapsed > StartTimeout)
            {
                Assert.Fail("the server never ran the slow statement");
            }

            await Task.Delay(50);
        }
    }
}
