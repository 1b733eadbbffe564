using Migrations.Testing;
using Npgsql;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// The disk fills up while a migration writes rows (step 6 of Faults.Data): exit 1 with one line
/// that says so, the database intact at its previous version, and once space is freed the next run
/// completes. SQLite: the database file on a small tmpfs. PostgreSQL: the database's tables in a
/// tablespace on a small tmpfs, so the data files fill up while the server's own data directory
/// (and its WAL) does not.
/// </summary>
public sealed class DiskFullFaultTests
{
    private static readonly Dictionary<string, string> Overfill = new() { ["FAULTS_FILL_ROWS"] = "50000" };
    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task A_full_disk_under_a_sqlite_file_fails_the_migration_with_one_line_and_leaves_the_database_at_its_previous_version()
    {
        using var disk = TmpfsMount.Create(kilobytes: 1024);
        var db = TestDatabase.Open(Provider.Sqlite, $"Data Source={Path.Combine(disk.Path, "gauges.db")};Pooling=False");
        var gauges = new GaugeRuns(db, _work);
        var setUp = await gauges.RunAsync(null, "migrate", "--target", "5");
        Assert.That(setUp.ExitCode, Is.Zero, RunnerProcess.Describe(setUp));
        var before = DatabaseContents.Capture(db);
        disk.FillLeaving(kilobytes: 32);

        var failed = await gauges.RunAsync(Overfill, "migrate");
        var after = DatabaseContents.Capture(db);
        var integrity = db.Scalar("PRAGMA integrity_check");
        disk.Free();
        var next = await gauges.RunAsync(null, "migrate");

        Assert.That(failed.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(failed));
        Assert.That(GaugeRuns.ErrorLine(failed), Does.StartWith("error: gauges: migration 6: FillSamples failed").And.Contain("database or disk is full"));
        Assert.That(after, Is.EqualTo(before), "the database as it was at version 5");
        Assert.That(integrity, Is.EqualTo("ok"));
        Assert.That(next.ExitCode, Is.Zero, RunnerProcess.Describe(next));
        Assert.That(Harness.JournalVersions(db), Is.EqualTo(GaugeRuns.AllVersions));
    }

    [Test]
    public async Task A_full_disk_under_postgres_tables_fails_the_migration_with_one_line_and_leaves_the_database_at_its_previous_version()
    {
        if (PostgresServer.Instance.BinDirectory is null)
        {
            Assert.Ignore($"the PostgreSQL server comes from {PostgresServer.ConnectionVariable}: its disk is not this machine's to mount");
        }

        using var disk = TmpfsMount.Create(kilobytes: 2048, owner: "postgres");
        var tablespace = "faults_" + Guid.NewGuid().ToString("N");
        Admin($"CREATE TABLESPACE {tablespace} LOCATION '{disk.Path.Replace("'", "''", StringComparison.Ordinal)}'");
        try
        {
            using var db = TestDatabase.Create(Provider.Postgres);
            Admin($"ALTER DATABASE \"{new NpgsqlConnectionStringBuilder(db.ConnectionString).Database}\" SET default_tablespace = {tablespace}");
            var gauges = new GaugeRuns(db, _work);
            var setUp = await gauges.RunAsync(null, "migrate", "--target", "5");
            Assert.That(setUp.ExitCode, Is.Zero, RunnerProcess.Describe(setUp));
            var before = DatabaseContents.Capture(db);

            var failed = await gauges.RunAsync(Overfill, "migrate");
            var after = DatabaseContents.Capture(db);
            var next = await gauges.RunAsync(null, "migrate");

            Assert.That(failed.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(failed));
            Assert.That(GaugeRuns.ErrorLine(failed), Does.StartWith("error: gauges: migration 6: FillSamples failed").And.Contain("No space left on device"));
            Assert.That(after, Is.EqualTo(before), "the database as it was at version 5");
            Assert.That(next.ExitCode, Is.Zero, RunnerProcess.Describe(next));
            Assert.That(Harness.JournalVersions(db), Is.EqualTo(GaugeRuns.AllVersions));
        }
        finally
        {
            Admin($"DROP TABLESPACE IF EXISTS {tablespace}");
        }
    }

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresServer.Instance.AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
