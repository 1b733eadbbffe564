using Migrations.Engine.Sqlite;
using Migrations.Engine.Tests.Sqlite.TestMigrations.Ledger;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>Changes SQLite cannot make in place, done by rebuilding a populated table that children of every delete rule reference.</summary>
public sealed class SqliteRebuildTests() : DatabaseTest(Provider.Sqlite)
{
    private const int Rows = 10_000;

    private FluentSqlite Fluent => new(Db, typeof(CreateLedger).Namespace!);

    [SetUp]
    public void MigrateToVersionOneWithData()
    {
        Fluent.MigrateUp(1);
        Db.Execute($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Rows})
            INSERT INTO "Account" ("Id", "Code", "Balance") SELECT i, 'A' || i, i * 1.5 FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Rows})
            INSERT INTO "Entry" ("AccountId", "Amount") SELECT i, i FROM n;
            INSERT INTO "Memo" ("AccountId") SELECT "Id" FROM "Account" WHERE "Id" <= 100;
            INSERT INTO "Hold" ("AccountId") SELECT "Id" FROM "Account" WHERE "Id" BETWEEN 101 AND 200;
            """);
    }

    [Test]
    public void Altering_columns_of_a_referenced_table_keeps_its_rows_indexes_trigger_and_every_child_row()
    {
        var checksum = Db.Scalar("SELECT sum(\"Id\" * 7 + length(\"Code\")) + sum(\"Balance\") FROM \"Account\"");

        Fluent.MigrateUp(2);

        Assert.That(Db.Count("SELECT count(*) FROM \"Account\""), Is.EqualTo(Rows));
        Assert.That(Db.Scalar("SELECT sum(\"Id\" * 7 + length(\"Code\")) + sum(\"Balance\") FROM \"Account\""), Is.EqualTo(checksum));
        Assert.That(Db.Count("SELECT count(*) FROM \"Entry\""), Is.EqualTo(Rows), "no ON DELETE CASCADE fired while the parent was rebuilt");
        Assert.That(Db.Count("SELECT count(*) FROM \"Memo\" WHERE \"AccountId\" IS NOT NULL"), Is.EqualTo(100), "no ON DELETE SET NULL fired");
        Assert.That(Db.Count("SELECT count(*) FROM \"Hold\""), Is.EqualTo(100), "ON DELETE RESTRICT did not stop the rebuild");
        Assert.That(Db.Query("PRAGMA foreign_key_check"), Is.Empty);
        Assert.That(Db.Count("SELECT count(*) FROM sqlite_master WHERE name IN ('IX_Account_Code', 'trg_account_audit', 'account_codes', 'IX_Entry_AccountId')"), Is.EqualTo(4));
        Assert.That((string)Db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'Account'")!, Does.Contain("\"Balance\" NUMERIC NOT NULL DEFAULT 0"));
    }

    [Test]
    public void After_the_rebuild_the_children_still_reference_the_table_with_their_own_rules()
    {
        Fluent.MigrateUp(2);

        Assert.That(() => Db.Execute("INSERT INTO \"Entry\" (\"AccountId\", \"Amount\") VALUES (999999, 1)"), Throws.Exception, "the child's foreign key points at the rebuilt table");
        Db.Execute("UPDATE \"Account\" SET \"Balance\" = 1 WHERE \"Id\" = 1");
        Assert.That(Db.Count("SELECT count(*) FROM \"AuditTrail\""), Is.EqualTo(1), "the trigger was recreated");
        Db.Execute("DELETE FROM \"Account\" WHERE \"Id\" = 2");
        Assert.That(Db.Count("SELECT count(*) FROM \"Entry\" WHERE \"AccountId\" = 2"), Is.Zero, "ON DELETE CASCADE still holds");
        Db.Execute("DELETE FROM \"Account\" WHERE \"Id\" = 3");
        Assert.That(Db.Scalar("SELECT \"AccountId\" FROM \"Memo\" WHERE \"Id\" = 3"), Is.Null, "ON DELETE SET NULL still holds");
        Assert.That(() => Db.Execute("DELETE FROM \"Account\" WHERE \"Id\" = 150"), Throws.Exception, "ON DELETE RESTRICT still holds");
        Assert.That(Db.Count("SELECT max(\"Id\") FROM \"Account\""), Is.EqualTo(Rows));
    }

    [Test]
    public void The_rebuilt_table_continues_its_identity_sequence()
    {
        Db.Execute($"DELETE FROM \"Entry\" WHERE \"AccountId\" = {Rows}; DELETE FROM \"Account\" WHERE \"Id\" = {Rows}");

        Fluent.MigrateUp(2);

        Db.Execute("INSERT INTO \"Account\" (\"Code\") VALUES ('new')");
        Assert.That(Db.Scalar("SELECT \"Id\" FROM \"Account\" WHERE \"Code\" = 'new'"), Is.EqualTo((long)Rows + 1), "the deleted last id is not reused");
    }

    [Test]
    public void A_rebuild_runs_in_the_migrations_transaction_with_foreign_keys_off_and_is_checked_before_commit()
    {
        var fluent = Fluent;

        fluent.MigrateUp(2);

        var statements = fluent.StatementsFrom("PRAGMA foreign_keys = OFF").Where(s => !s.StartsWith("--", StringComparison.Ordinal)).ToArray();
        Assert.That(statements.Take(2), Is.EqualTo(new[] { "PRAGMA foreign_keys = OFF", "BEGIN IMMEDIATE" }));
        Assert.That(statements, Does.Contain("DROP TABLE \"Account\"").And.Contain("ALTER TABLE \"_rebuild_Account\" RENAME TO \"Account\""));
        Assert.That(statements.Count(s => s.StartsWith("CREATE TABLE \"_rebuild_Account\"", StringComparison.Ordinal)), Is.EqualTo(1),
            "widening Code leaves TEXT as it is, and the default FluentMigrator restates beside the Balance alter is already there");
        Assert.That(statements.TakeLast(4).Select(s => s.Split(' ')[0]), Is.EqualTo(new[] { "INSERT", "PRAGMA", "COMMIT", "PRAGMA" }));
        Assert.That(statements[^3], Is.EqualTo("PRAGMA foreign_key_check"));
        Assert.That(statements[^1], Is.EqualTo("PRAGMA foreign_keys = ON"));
    }

    [Test]
    public void Rolling_the_rebuild_back_restores_the_schema_and_keeps_the_rows()
    {
        var before = SchemaSnapshot.Take(Db);
        Fluent.MigrateUp(2);

        Fluent.MigrateDown(1);

        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(before));
        Assert.That(Db.Count("SELECT count(*) FROM \"Entry\""), Is.EqualTo(Rows));
        Assert.That(Db.Count("SELECT count(*) FROM \"Memo\" WHERE \"AccountId\" IS NOT NULL"), Is.EqualTo(100));
    }

    [Test]
    public void A_rebuild_that_leaves_broken_references_fails_its_foreign_key_check_and_leaves_the_database_as_it_was()
    {
        Fluent.MigrateUp(2);
        var before = SchemaSnapshot.Take(Db);
        var fluent = Fluent;

        var error = Assert.Throws<SqliteForeignKeyViolationException>(() => fluent.MigrateUp());

        Assert.That(error!.Message, Does.Contain($"{Rows} foreign key violation(s)").And.Contain("points at a missing row of \"Region\""));
        Assert.That(fluent.Log.Last, Is.EqualTo("PRAGMA foreign_key_check"), "the statement log names the check");
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(before));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(Db.Count("SELECT count(*) FROM \"Account\""), Is.EqualTo(Rows));
        Assert.That(Db.Count("SELECT count(*) FROM \"Entry\""), Is.EqualTo(Rows));
    }

    [Test]
    public void In_preview_a_rebuild_is_planned_from_the_live_table_and_nothing_changes()
    {
        var before = SchemaSnapshot.Take(Db);
        var preview = new FluentSqlite(Db, typeof(CreateLedger).Namespace!) { Preview = true };

        preview.MigrateUp(2);

        Assert.That(preview.Log.Statements, Does.Contain("PRAGMA foreign_keys = OFF").And.Contain("DROP TABLE \"Account\"").And.Contain("PRAGMA foreign_key_check"));
        // Nothing runs, so each plan reads the table as it is (an exact script runs on a copy instead, as the runner's script does).
        Assert.That(preview.Log.Statements.Where(s => s.StartsWith("CREATE TABLE \"_rebuild_Account\"", StringComparison.Ordinal)),
            Has.Some.Contains("\"Balance\" NUMERIC NOT NULL DEFAULT 0"));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(before));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1 }));
    }
}
