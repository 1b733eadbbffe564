using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Basic;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Journal;

/// <summary>
/// On PostgreSQL FluentMigrator's runner keeps its journal in <c>public</c>, ours is in
/// <c>migrations</c>: which one is this database's journal (issue 14, item 8).
/// </summary>
public sealed class PublicJournalTests() : JournalTest(Provider.Postgres)
{
    [Test]
    public async Task Beside_our_journal_it_is_not_consulted()
    {
        await Runner().MigrateUpAsync(target: 1);
        Db.Execute("CREATE TABLE \"public\".\"VersionInfo\" (\"Version\" bigint NOT NULL); INSERT INTO \"public\".\"VersionInfo\" VALUES (1), (2), (3)");

        var status = await Runner().ListMigrationsAsync();

        Assert.That(status.Journal, Is.EqualTo("migrations.\"VersionInfo\""));
        Assert.That(status.Count(s => s.State == MigrationState.Applied), Is.EqualTo(1));
    }

    [Test]
    public async Task A_public_VersionInfo_without_a_Version_column_is_no_journal_and_ours_is_created()
    {
        Db.Execute("CREATE TABLE \"public\".\"VersionInfo\" (\"release\" text); INSERT INTO \"public\".\"VersionInfo\" VALUES ('2.1')");

        Assert.That((await Runner().ListMigrationsAsync()).JournalExists, Is.False);
        await Runner().MigrateUpAsync();

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }), "ours, in migrations");
        Assert.That(Db.Count("SELECT count(*) FROM \"public\".\"VersionInfo\""), Is.EqualTo(1), "the application's table is left alone");
    }

    [Test]
    public async Task Script_on_FluentMigrators_journal_upgrades_it_where_it_is_and_changes_nothing()
    {
        FluentMigratorAppliedTheFirst();
        var before = JournalSnapshot.Take(Db, "public");

        var script = await Runner().ScriptMigrateAsync();

        Assert.That(script, Does.Contain("ALTER TABLE \"public\".\"VersionInfo\" ADD COLUMN \"Checksum\""));
        Assert.That(script, Does.Not.Contain("CREATE SCHEMA"));
        Assert.That(JournalSnapshot.Take(Db, "public"), Is.EqualTo(before));
        Assert.That(MigrationsSchemaExists, Is.False);
    }
}
