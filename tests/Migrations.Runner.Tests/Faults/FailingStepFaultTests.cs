using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// A transactional migration that fails partway: exit 1, one line naming the migration, the
/// statement and the cause, and nothing of the migration left: not its earlier statements, not a
/// half-done SQLite table rebuild.
/// </summary>
public sealed class FailingStepFaultTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    [TestCase(Provider.Sqlite)]
    [TestCase(Provider.Postgres)]
    public async Task A_failing_second_statement_exits_1_naming_it_and_rolls_back_the_first(Provider provider)
    {
        using var db = TestDatabase.Create(provider);
        var gauges = new GaugeRuns(db, _work);
        var setUp = await gauges.RunAsync(null, "migrate", "--target", "2");
        Assert.That(setUp.ExitCode, Is.Zero, RunnerProcess.Describe(setUp));
        var before = DatabaseContents.Capture(db);

        var failed = await gauges.RunAsync(new Dictionary<string, string> { ["FAULTS_FAIL_SECOND_STATEMENT"] = "1" }, "migrate");

        Assert.That(failed.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(failed));
        Assert.That(GaugeRuns.ErrorLine(failed), Does.StartWith("error: gauges: migration 3: AddUnit failed in statement [UPDATE gauge SET unit = 'kPa' WHERE no_such_column = 1]: ")
            .And.Contain("no_such_column"));
        Assert.That(DatabaseContents.Capture(db), Is.EqualTo(before), "the column the first statement added was rolled back with it");
    }

    [TestCase("null-reading", 3, "migration 4: RequireReading failed", "NOT NULL constraint failed", TestName = "A SQLite rebuild that copies a NULL into a NOT NULL column exits 1 with one line and leaves the table and its rows as before")]
    [TestCase("orphan-log", 4, "migration 5: LinkLogToGauge failed", "foreign key violation", TestName = "A SQLite rebuild whose foreign_key_check finds a violation exits 1 with one line and leaves the table and its rows as before")]
    public async Task A_failing_sqlite_table_rebuild_exits_1_with_one_line_and_leaves_the_table_as_before(string fault, int previousVersion, string migration, string cause)
    {
        using var db = TestDatabase.Create(Provider.Sqlite);
        var gauges = new GaugeRuns(db, _work);
        var setUp = await gauges.RunAsync(null, "migrate", "--target", previousVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(setUp.ExitCode, Is.Zero, RunnerProcess.Describe(setUp));
        var before = DatabaseContents.Capture(db);

        var failed = await gauges.RunAsync(new Dictionary<string, string> { ["FAULTS_BREAK_REBUILD"] = fault }, "migrate");

        Assert.That(failed.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(failed));
        Assert.That(GaugeRuns.ErrorLine(failed), Does.StartWith("error: gauges: " + migration).And.Contain(cause));
        Assert.That(DatabaseContents.Capture(db), Is.EqualTo(before), "no rebuilt or half-copied table, the old one with all its rows");
        Assert.That(db.Scalar("PRAGMA integrity_check"), Is.EqualTo("ok"));
    }
}
