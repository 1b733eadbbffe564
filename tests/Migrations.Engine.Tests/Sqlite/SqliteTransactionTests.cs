using Microsoft.Data.Sqlite;
using Migrations.Engine.Tests.Sqlite.TestMigrations.Failing;
using Migrations.Engine.Tests.Sqlite.TestMigrations.ForeignKeyState;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>One transaction per migration: begun at its first statement, with foreign keys off only when it rebuilds, and all or nothing.</summary>
public sealed class SqliteTransactionTests() : DatabaseTest(Provider.Sqlite)
{
    [Test]
    public void A_failing_second_statement_leaves_nothing_of_its_migration()
    {
        var fluent = new FluentSqlite(Db, typeof(CreateThing).Namespace!);
        fluent.MigrateUp(1);

        Assert.That(() => fluent.MigrateUp(), Throws.Exception.With.Message.Contains("no such table: nowhere"));

        Assert.That(fluent.Log.Last, Is.EqualTo("INSERT INTO nowhere VALUES (1)"), "the statement log names the failing statement");
        Assert.That(SchemaSnapshot.Tables(Db), Is.EqualTo(new[] { "thing" }));
        Assert.That(Db.Count("SELECT count(*) FROM thing"), Is.Zero);
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public void A_migration_that_rebuilds_nothing_keeps_foreign_keys_on_and_only_begins_and_commits()
    {
        var fluent = new FluentSqlite(Db, typeof(CreateThing).Namespace!);

        fluent.MigrateUp(1);

        Assert.That(fluent.Log.Statements.First(), Is.EqualTo("BEGIN IMMEDIATE"));
        Assert.That(fluent.Log.Statements.Last(), Is.EqualTo("COMMIT"));
        Assert.That(fluent.Log.Statements, Has.None.StartsWith("PRAGMA"));
    }

    [Test]
    public void Foreign_keys_are_off_only_while_a_rebuilding_migration_runs()
    {
        var fluent = new FluentSqlite(Db, typeof(Observe).Namespace!);

        fluent.MigrateUp(3);

        Assert.That(Db.Query("SELECT phase, enforced FROM fk_state").Select(r => $"{r[0]}: {r[1]}"),
            Is.EqualTo(new[] { "plain migration: 1", "rebuilding migration: 0", "next migration: 1" }));
        Assert.That(Db.Count("SELECT count(*) FROM child"), Is.EqualTo(1), "the rebuilt parent's child survived");
    }

    [Test]
    public void A_rebuild_in_a_migration_without_a_transaction_gets_a_transaction_of_its_own()
    {
        var fluent = new FluentSqlite(Db, typeof(Observe).Namespace!);
        fluent.MigrateUp(3);

        fluent.MigrateUp(4);

        var statements = fluent.Log.Statements.Where(s => !s.StartsWith("--", StringComparison.Ordinal)).ToArray();
        Assert.That(statements.Take(2), Is.EqualTo(new[] { "PRAGMA foreign_keys = OFF", "BEGIN IMMEDIATE" }));
        Assert.That(statements.SkipWhile(s => s != "PRAGMA foreign_key_check").Take(3), Is.EqualTo(new[] { "PRAGMA foreign_key_check", "COMMIT", "PRAGMA foreign_keys = ON" }));
        Assert.That(Db.Query("SELECT \"notnull\" FROM pragma_table_info('parent') WHERE name = 'name'").Single()[0], Is.EqualTo(1L));
        Assert.That(Db.Count("SELECT count(*) FROM child"), Is.EqualTo(1));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void Rolling_back_a_rebuild_restores_the_schema()
    {
        var fluent = new FluentSqlite(Db, typeof(Observe).Namespace!);
        fluent.MigrateUp(1);
        var before = SchemaSnapshot.Take(Db);

        fluent.MigrateUp(2);
        fluent.MigrateDown(1);

        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(before));
    }

    [Test]
    public void Another_client_holding_the_write_lock_makes_the_migration_time_out_with_a_lock_error()
    {
        var fluent = new FluentSqlite(Db, typeof(CreateThing).Namespace!) { ConnectionSuffix = ";Default Timeout=1" };
        fluent.MigrateUp(1);
        using var other = new SqliteConnection(new Migrations.Engine.Sqlite.SqliteProvider().Normalize(Db.ConnectionString));
        other.Open();
        using var transaction = other.BeginTransaction(deferred: false);

        var error = Assert.Throws<LockTimeoutException>(() => fluent.MigrateUp());

        Assert.That(error!.Message, Does.Contain("write lock"));
        transaction.Rollback();
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1 }));
    }
}
