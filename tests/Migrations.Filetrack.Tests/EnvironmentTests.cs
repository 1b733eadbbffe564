using Migrations.Engine.Running;
using Migrations.Filetrack.Tests.Support;
using Migrations.Testing;

namespace Migrations.Filetrack.Tests;

/// <summary>
/// filetrack has no environment-specific migrations (docs/databases/filetrack.md says why): every
/// environment gets the same schema, status never reports a filetrack migration as not for this
/// environment, and the journal records the environment each one ran under.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class EnvironmentTests(Provider provider)
{
    private TestDatabase _db = null!;

    [SetUp]
    public void CreateDatabase() => _db = TestDatabase.Create(provider, "filetrack");

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    [Test]
    public void No_filetrack_migration_is_tagged()
    {
        var catalog = FiletrackDatabase.Runner(_db).Catalog;

        Assert.That(catalog.Versioned.Where(m => m.TagNames.Count > 0).Select(m => m.Name), Is.Empty);
        Assert.That(catalog.Profiles.Select(p => p.Profile), Is.EquivalentTo(new[] { "Development", "Staging" }), "the two seeding profiles, nothing for Production");
    }

    [TestCase(null)]
    [TestCase("Development")]
    [TestCase("Staging")]
    [TestCase("Production")]
    public async Task Every_environment_applies_every_migration_and_none_is_skipped(string? environment)
    {
        string[] tags = environment is null ? [] : [environment];
        var runner = FiletrackDatabase.Runner(_db, o => o with { Environment = environment, Tags = tags });

        var pending = await runner.ListMigrationsAsync();
        var result = await runner.MigrateUpAsync();
        var applied = await runner.ListMigrationsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pending.Select(s => s.State), Is.All.EqualTo(MigrationState.Pending));
            Assert.That(result.Skipped, Is.Empty);
            Assert.That(result.ProfilesRun, Is.Empty, "no profile configured: no generated data");
            Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(new[] { FiletrackDatabase.MasterVersion, FiletrackDatabase.NpsVersion }));
            Assert.That(applied.Select(s => s.State), Is.All.EqualTo(MigrationState.Applied));
            Assert.That(applied.Select(s => s.Environment), Is.All.EqualTo(environment), "the journal records the environment");
            Assert.That(SeedChecks.ExistingTables(_db), Is.EquivalentTo(FiletrackDatabase.Tables));
        });
    }
}
