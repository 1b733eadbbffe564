using System.Diagnostics;
using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Lossy;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>The data-loss guard and backups: a rollback never silently destroys data.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class DataLossTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner(bool allow = false, string? backup = null) =>
        Harness.Runner(Db, typeof(CreateNote).Assembly, typeof(CreateNote).Namespace, o => o with { AllowDataLoss = allow, BackupDirectory = backup });

    private void AddNotes()
    {
        Db.Execute("INSERT INTO \"note\" VALUES (1, 'one', 'x')");
        Db.Execute("INSERT INTO \"note\" VALUES (2, 'two', NULL)");
        Db.Execute("INSERT INTO \"note\" VALUES (3, 'three', 'y')");
        Db.Execute("INSERT INTO \"archive\" VALUES (7)");
    }

    [Test]
    public async Task A_rollback_over_populated_tables_is_refused_listing_tables_and_counts_and_changes_nothing()
    {
        await Runner().MigrateUpAsync(target: 3);
        AddNotes();
        var before = SchemaSnapshot.Take(Db);

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().RollbackToVersionAsync(0));

        Assert.That(error!.Losses, Is.EqualTo(new[]
        {
            "3: CreateArchive would drop table archive: 1 row(s)",
            "2: AddTag would delete column \"note\".\"tag\": 2 value(s)",
            "1: CreateNote would delete table \"note\": 3 row(s)",
        }));
        Assert.That(error.Message, Does.Contain("Nothing was changed").And.Contain("--allow-data-loss"));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(before));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Allowing_data_loss_lets_the_rollback_proceed()
    {
        await Runner().MigrateUpAsync(target: 3);
        AddNotes();

        await Runner(allow: true).RollbackToVersionAsync(0);

        Assert.That(SchemaSnapshot.Tables(Db), Is.Empty);
    }

    [Test]
    public async Task A_rollback_over_empty_tables_and_null_columns_proceeds_without_the_flag()
    {
        await Runner().MigrateUpAsync(target: 3);
        Db.Execute("INSERT INTO \"note\" VALUES (1, 'tagless', NULL)");

        await Runner().RollbackToVersionAsync(1);

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1 }));
        Assert.That(Db.Count("SELECT count(*) FROM \"note\""), Is.EqualTo(1));
    }

    [Test]
    public async Task A_migration_marked_as_losing_data_on_rollback_needs_the_flag_and_says_why()
    {
        await Runner().MigrateUpAsync();

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().RollbackAsync());

        Assert.That(error!.Losses, Is.EqualTo(new[] { "4: CreateSummary loses data on rollback by design: the summaries are computed from notes and are not kept on rollback" }));
        Assert.DoesNotThrowAsync(() => Runner(allow: true).RollbackAsync());
    }

    [Test]
    public async Task A_script_marks_destructive_statements()
    {
        await Runner().MigrateUpAsync(target: 3);

        var script = await Runner().ScriptRollbackAsync(steps: null, toVersion: 0);

        Assert.That(script, Does.Contain("-- DESTRUCTIVE: drop table archive").And.Contain("-- DESTRUCTIVE: delete table \"note\""));
    }

    [Test]
    public async Task A_backup_taken_before_a_destructive_rollback_restores_every_row()
    {
        await Runner().MigrateUpAsync(target: 3);
        AddNotes();
        var rows = Db.Query("SELECT \"id\", \"body\", \"tag\" FROM \"note\" ORDER BY \"id\"");
        var directory = Path.Combine(Path.GetTempPath(), "migrations-backup-" + Guid.NewGuid().ToString("N"));

        var result = await Runner(allow: true, backup: directory).RollbackToVersionAsync(0);

        Assert.That(result.BackupPath, Does.StartWith(directory).And.EndWith(Provider == Provider.Postgres ? ".dump" : ".db"));
        Assert.That(File.Exists(result.BackupPath), Is.True);
        using var restored = Restore(result.BackupPath!);
        Assert.That(restored.Query("SELECT \"id\", \"body\", \"tag\" FROM \"note\" ORDER BY \"id\""), Is.EqualTo(rows));
        Assert.That(restored.Count("SELECT count(*) FROM \"archive\""), Is.EqualTo(1));
        Assert.That(Harness.JournalVersions(restored), Is.EqualTo(new long[] { 1, 2, 3 }));
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task No_backup_is_taken_when_nothing_would_change()
    {
        await Runner().MigrateUpAsync();
        var directory = Path.Combine(Path.GetTempPath(), "migrations-backup-" + Guid.NewGuid().ToString("N"));

        var result = await Runner(backup: directory).MigrateUpAsync();

        Assert.That(result.BackupPath, Is.Null);
        Assert.That(Directory.Exists(directory), Is.False);
    }

    // The README's restore procedure: SQLite, put the file back; PostgreSQL, pg_restore into an empty database.
    private TestDatabase Restore(string backup)
    {
        var target = TestDatabase.Create(Provider, "restored");
        if (Provider == Provider.Sqlite)
        {
            File.Copy(backup, target.FilePath, overwrite: true);
            return target;
        }

        var b = new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString);
        var start = new ProcessStartInfo("pg_restore", $"--no-owner --exit-on-error -h {b.Host} -p {b.Port} -U {b.Username} -d {b.Database} \"{backup}\"")
        {
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, error);
        return target;
    }
}
