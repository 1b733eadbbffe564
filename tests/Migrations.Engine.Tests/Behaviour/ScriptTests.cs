using System.Diagnostics;
using Migrations.Engine.Tests.Behaviour.TestMigrations.AllBuilders;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Basic;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>Scripts: the SQL a run would execute, changing nothing, and replaying to the same schema.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ScriptTests(Provider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task Scripting_a_migrate_changes_nothing()
    {
        var runner = Harness.Runner(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace);
        await runner.MigrateUpAsync(target: 1);
        var before = SchemaSnapshot.Take(Db);

        var script = await runner.ScriptMigrateAsync();

        Assert.That(script, Does.Contain("2: CreateOrder (up)").And.Contain("3: AddOrderStatus (up)").And.Not.Contain("1: CreateCustomer"));
        Assert.That(script, Does.Contain("CREATE TABLE").And.Contain("INSERT INTO"));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(before));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task A_script_replayed_with_the_command_line_client_gives_the_schema_migrate_gives()
    {
        var runner = Harness.Runner(Db, typeof(CreateCatalog).Assembly, typeof(CreateCatalog).Namespace);
        var script = await runner.ScriptMigrateAsync();
        using var migrated = TestDatabase.Create(Provider);
        await Harness.Runner(migrated, typeof(CreateCatalog).Assembly, typeof(CreateCatalog).Namespace).MigrateUpAsync();

        Replay(script);

        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(SchemaSnapshot.Take(migrated)));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(Harness.JournalVersions(migrated)));
        if (Provider == Provider.Sqlite)
        {
            Assert.That(script, Does.Contain("_rebuild_").And.Contain("PRAGMA foreign_keys = OFF"), "SQLite rebuild statements are part of the script");
        }
    }

    [Test]
    public async Task Scripting_a_rollback_lists_the_down_statements_and_changes_nothing()
    {
        var runner = Harness.Runner(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace);
        await runner.MigrateUpAsync();
        var before = SchemaSnapshot.Take(Db);

        var script = await runner.ScriptRollbackAsync(steps: 1, toVersion: null);

        Assert.That(script, Does.Contain("DROP COLUMN \"Status\"").And.Contain("DELETE FROM"));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(before));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task A_script_shows_each_migrations_transaction()
    {
        var runner = Harness.Runner(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace);

        var script = await runner.ScriptMigrateAsync();

        var lines = script.Split('\n');
        Assert.That(lines.Count(l => l is "BEGIN;" or "BEGIN IMMEDIATE;"), Is.EqualTo(3), "one transaction per migration");
        Assert.That(lines.Count(l => l == "COMMIT;"), Is.EqualTo(3));
    }

    private void Replay(string script) => ScriptReplay.Run(Db, script);
}
