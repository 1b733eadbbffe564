using Migrations.Engine.Tests.TestMigrations.Ledger;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>Changes SQLite cannot make in place, done by rebuilding a populated, referenced table.</summary>
public sealed class SqliteRebuildTests
{
    private const int Rows = 10_000;
    private TestDatabase _db = null!;

    [SetUp]
    public async Task MigrateToVersionOneWithData()
    {
        _db = TestDatabase.Create(Provider.Sqlite);
        await Runner().MigrateUpAsync(target: 1);
        _db.Execute($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Rows})
            INSERT INTO "Account" ("Id", "Code", "Balance") SELECT i, 'A' || i, i * 1.5 FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Rows})
            INSERT INTO "Entry" ("AccountId", "Amount") SELECT i, i FROM n;
            """);
    }

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    private Migrations.Engine.Running.MigrationRunner Runner() =>
        Harness.Runner(_db, typeof(CreateLedger).Assembly, typeof(CreateLedger).Namespace);

    [Test]
    public async Task Altering_columns_of_a_referenced_10000_row_table_keeps_rows_indexes_triggers_and_foreign_keys()
    {
        var checksum = _db.Scalar("SELECT sum(\"Id\" * 7 + length(\"Code\")) + sum(\"Balance\") FROM \"Account\"");

        await Runner().MigrateUpAsync(target: 2);

        Assert.That(_db.Count("SELECT count(*) FROM \"Account\""), Is.EqualTo(Rows));
        Assert.That(_db.Count("SELECT count(*) FROM \"Entry\""), Is.EqualTo(Rows), "no cascade fired while the parent was rebuilt");
        Assert.That(_db.Scalar("SELECT sum(\"Id\" * 7 + length(\"Code\")) + sum(\"Balance\") FROM \"Account\""), Is.EqualTo(checksum));
        Assert.That(_db.Query("PRAGMA foreign_key_check"), Is.Empty);
        Assert.That(_db.Count("SELECT count(*) FROM sqlite_master WHERE name IN ('IX_Account_Code', 'trg_account_audit', 'account_codes', 'IX_Entry_AccountId')"), Is.EqualTo(4));
        Assert.That((string)_db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'Account'")!, Does.Contain("\"Balance\" NUMERIC NOT NULL DEFAULT 0"));
        Assert.That(() => _db.Execute("INSERT INTO \"Entry\" (\"AccountId\", \"Amount\") VALUES (999999, 1)"), Throws.Exception, "the child's foreign key still points at the rebuilt table");

        _db.Execute("UPDATE \"Account\" SET \"Balance\" = 1 WHERE \"Id\" = 1");
        Assert.That(_db.Count("SELECT count(*) FROM \"AuditTrail\""), Is.EqualTo(1), "the trigger was recreated");
        _db.Execute("DELETE FROM \"Account\" WHERE \"Id\" = 2");
        Assert.That(_db.Count("SELECT count(*) FROM \"Entry\" WHERE \"AccountId\" = 2"), Is.Zero, "ON DELETE CASCADE still holds");
        Assert.That(_db.Scalar("PRAGMA foreign_keys"), Is.EqualTo(1L), "foreign keys are back on after the migration");
    }

    [Test]
    public async Task Rolling_the_rebuild_back_restores_the_schema_and_keeps_the_rows()
    {
        var before = SchemaSnapshot.Take(_db);
        await Runner().MigrateUpAsync(target: 2);

        await Runner().RollbackAsync();

        Assert.That(SchemaSnapshot.Take(_db), Is.EqualTo(before));
        Assert.That(_db.Count("SELECT count(*) FROM \"Entry\""), Is.EqualTo(Rows));
    }

    [Test]
    public async Task A_rebuild_that_leaves_broken_references_fails_foreign_key_check_and_rolls_back()
    {
        await Runner().MigrateUpAsync(target: 2);
        var before = SchemaSnapshot.Take(_db);

        var error = Assert.ThrowsAsync<MigrationFailedException>(() => Runner().MigrateUpAsync());

        Assert.That(error!.Message, Does.Contain("3: ReferenceMissingRows").And.Contain("PRAGMA foreign_key_check").And.Contain("foreign key violation"));
        Assert.That(SchemaSnapshot.Take(_db), Is.EqualTo(before));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(_db.Count("SELECT count(*) FROM \"Account\""), Is.EqualTo(Rows));
    }
}
