using Migrations.Engine.Tests.Behaviour.TestMigrations.Basic;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Journal;

/// <summary>
/// FluentMigrator's runner keeps its journal in <c>public</c> on PostgreSQL; ours is in
/// <c>migrations</c>. Found there alone, it is refused by every command, naming the statement
/// that moves it, and nothing is created or changed (issue 14, item 8).
/// </summary>
public sealed class PublicJournalTests() : JournalTest(Provider.Postgres)
{
    private void FluentMigratorJournalInPublic() =>
        PlainFluentMigrator.MigrateUp(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace, 2);

    private bool OurJournalExists =>
        Db.Count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'migrations' AND table_name = 'VersionInfo'") > 0;

    [Test]
    public void Every_command_refuses_it_naming_the_move_and_changes_nothing()
    {
        FluentMigratorJournalInPublic();
        var before = JournalSnapshot.Take(Db, "public");
        var schema = SchemaSnapshot.Take(Db);

        var errors = new[]
        {
            Assert.ThrowsAsync<JournalMismatchException>(() => Runner().ListMigrationsAsync()),
            Assert.ThrowsAsync<JournalMismatchException>(() => Runner().ValidateAsync()),
            Assert.ThrowsAsync<JournalMismatchException>(() => Runner().MigrateUpAsync()),
            Assert.ThrowsAsync<JournalMismatchException>(() => Runner().RollbackAsync()),
            Assert.ThrowsAsync<JournalMismatchException>(() => Runner().ScriptMigrateAsync()),
        };

        foreach (var error in errors)
        {
            Assert.That(error!.Message, Is.EqualTo(
                "test: found FluentMigrator's journal public.\"VersionInfo\" (2 row(s)) but no migrations.\"VersionInfo\", where this runner keeps it; " +
                "if it is this database's journal, move it (CREATE SCHEMA IF NOT EXISTS \"migrations\"; ALTER TABLE \"public\".\"VersionInfo\" SET SCHEMA \"migrations\"), " +
                "otherwise rename it; nothing was changed"));
        }

        Assert.That(OurJournalExists, Is.False, "no second, empty journal was created beside it");
        Assert.That(JournalSnapshot.Take(Db, "public"), Is.EqualTo(before));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(schema));
    }

    [Test]
    public async Task Once_moved_as_the_message_says_it_is_our_journal_and_migrate_continues_from_it()
    {
        FluentMigratorJournalInPublic();
        Db.Execute("CREATE SCHEMA IF NOT EXISTS \"migrations\"; ALTER TABLE \"public\".\"VersionInfo\" SET SCHEMA \"migrations\"");

        var result = await Runner().MigrateUpAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(new long[] { 3 }), "1 and 2 are not applied again");
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Beside_our_journal_it_is_not_consulted()
    {
        await Runner().MigrateUpAsync(target: 1);
        Db.Execute("CREATE TABLE \"public\".\"VersionInfo\" (\"Version\" bigint NOT NULL)");

        var status = await Runner().ListMigrationsAsync();

        Assert.That(status.Count(s => s.State == Engine.Running.MigrationState.Applied), Is.EqualTo(1));
    }
}
