using Migrations.Engine.Running;
using Migrations.Testing;

namespace Migrations.Junkquote.Tests.Seeding;

/// <summary>
/// junkquote has no environment-specific migration (docs/databases/junkquote.md says why): every
/// batch is untagged, so every environment applies all of them and none is ever "not for this
/// environment". These tests keep it that way until someone adds one on purpose.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class EnvironmentTests(Provider provider)
{
    private static readonly long[] AllVersions = [JunkquoteVersions.Baseline, JunkquoteVersions.Batch1, JunkquoteVersions.Batch2];

    private TestDatabase _db = null!;

    [SetUp]
    public void CreateDatabase() => _db = TestDatabase.Create(provider, "junkquote");

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    [Test]
    public void No_junkquote_migration_is_tagged()
    {
        var runner = JunkquoteDatabase.Runner(_db);

        Assert.That(runner.Catalog.Versioned.Select(m => m.Version), Is.EqualTo(AllVersions));
        Assert.That(runner.Catalog.Versioned.Where(m => m.TagNames.Count > 0).Select(m => m.Name), Is.Empty);
        Assert.That(runner.Catalog.Profiles.Select(p => (p.Profile, p.Info.Type.Name)),
            Is.EquivalentTo(new[] { ("Development", "DevelopmentSeed"), ("Staging", "StagingSeed") }));
    }

    [TestCase("Development")]
    [TestCase("Staging")]
    [TestCase("Production")]
    [TestCase(null)]
    public async Task Every_environment_applies_every_batch_and_skips_none(string? environment)
    {
        var runner = JunkquoteDatabase.Runner(_db, o => o with { Environment = environment, Tags = environment is null ? [] : [environment] });
        var before = await runner.ListMigrationsAsync();
        Assert.That(before.Select(s => s.State), Is.All.EqualTo(MigrationState.Pending));

        var result = await runner.MigrateUpAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(AllVersions));
        Assert.That(result.Skipped, Is.Empty);
        Assert.That(result.ProfilesRun, Is.Empty, "no profile without one configured");
        var status = await runner.ListMigrationsAsync();
        Assert.That(status.Select(s => s.State), Is.All.EqualTo(MigrationState.Applied));
        Assert.That(status.Select(s => s.Environment), Is.All.EqualTo(environment));
    }
}
