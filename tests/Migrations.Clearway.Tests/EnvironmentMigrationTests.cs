using Migrations.Clearway;
using Migrations.Engine.Running;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class EnvironmentMigrationTests(Provider provider) : ClearwayTestBase(provider)
{
    private const long Overdue = ClearwayVersions.CapitalCallOverdueIndex;

    [TestCase("Production")]
    [TestCase("Staging")]
    public async Task The_overdue_index_is_built_in_production_and_staging(string environment)
    {
        var result = await In(environment).MigrateUpAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Version).Last(), Is.EqualTo(Overdue), "versioned after every schema batch");
        Assert.That(result.Skipped, Is.Empty);
        Assert.That(IndexTable(CapitalCallOverdueIndex.IndexName), Is.EqualTo("CapitalCall"));
        Assert.That(IndexColumns(CapitalCallOverdueIndex.IndexName), Is.EqualTo(new[] { "status", "dueDate" }));
        if (IsPostgres)
        {
            Assert.That(Db.Scalar($"SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = '{CapitalCallOverdueIndex.IndexName}'"), Is.True,
                "a concurrent build that failed would leave an INVALID index");
        }

        var status = (await In(environment).ListMigrationsAsync()).Single(s => s.Version == Overdue);
        Assert.That(status.State, Is.EqualTo(MigrationState.Applied));
        Assert.That(status.Environment, Is.EqualTo(environment));
        Assert.That(status.Tags, Is.EquivalentTo(new[] { "Production", "Staging" }));
    }

    [TestCase(null)]
    [TestCase("Development")]
    public async Task The_overdue_index_is_skipped_and_listed_as_skipped_elsewhere(string? environment)
    {
        var result = await In(environment).MigrateUpAsync();

        Assert.That(result.Skipped.Select(m => m.Version), Is.EqualTo(new[] { Overdue }));
        Assert.That(result.Applied.Select(a => a.Migration.Version), Does.Not.Contain(Overdue));
        Assert.That(Relations("index"), Does.Not.Contain(CapitalCallOverdueIndex.IndexName));
        Assert.That(Harness.JournalVersions(Db), Does.Not.Contain(Overdue));

        var statuses = await In(environment).ListMigrationsAsync();
        Assert.That(statuses.Single(s => s.Version == Overdue).State, Is.EqualTo(MigrationState.Skipped));
        Assert.That(statuses.Where(s => s.Version != Overdue).Select(s => s.State), Is.All.EqualTo(MigrationState.Applied));
    }

    [Test]
    public async Task Production_script_builds_the_index_concurrently_on_postgres_only()
    {
        var script = await In("Production").ScriptMigrateAsync();

        Assert.That(script, IsPostgres
            ? Does.Contain($"CREATE INDEX CONCURRENTLY \"{CapitalCallOverdueIndex.IndexName}\"")
            : Does.Contain($"CREATE INDEX \"{CapitalCallOverdueIndex.IndexName}\"").And.Not.Contains("INDEX CONCURRENTLY"));
    }

    [Test]
    public async Task Rollback_follows_the_journal_whatever_the_environment()
    {
        await In("Development").MigrateUpAsync();
        var development = await In("Production").RollbackAsync(1);
        Assert.That(development.RolledBack.Single().Migration.Version, Is.EqualTo(ClearwayVersions.AddMaterializedViews),
            "in a database migrated as Development, the newest applied step is the views, never the skipped index");

        await Runner().RollbackToVersionAsync(0);
        await In("Production").MigrateUpAsync();
        var production = await In("Development").RollbackAsync(1);
        Assert.That(production.RolledBack.Single().Migration.Version, Is.EqualTo(Overdue), "the journal says the index was applied, so it is undone first");
        Assert.That(Relations("index"), Does.Not.Contain(CapitalCallOverdueIndex.IndexName));
        Assert.That(Log.Lines, Has.Some.Contains($"rolled back {Overdue}"));
    }

    [Test]
    public async Task A_failed_concurrent_build_is_repaired_by_the_next_deploy()
    {
        await In("Production").MigrateUpAsync(ClearwayVersions.AddMaterializedViews);
        // What an interrupted CREATE INDEX CONCURRENTLY leaves behind: an index of that name, no journal row.
        Db.Execute($"CREATE INDEX \"{CapitalCallOverdueIndex.IndexName}\" ON \"CapitalCall\" (\"fundName\")");

        await In("Production").MigrateUpAsync();

        Assert.That(IndexColumns(CapitalCallOverdueIndex.IndexName), Is.EqualTo(new[] { "status", "dueDate" }), "the leftover was dropped and the index rebuilt");
        Assert.That(Harness.JournalVersions(Db), Does.Contain(Overdue));
    }
}
