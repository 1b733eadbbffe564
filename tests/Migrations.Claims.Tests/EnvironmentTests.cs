using Migrations.Claims.Tests.Support;
using Migrations.Engine.Running;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>
/// claims has no environment-specific migrations (docs/databases/claims.md, "Environments"): the
/// schema is the one Prisma expects in every environment, so every migration is untagged and
/// runs under every environment's tags; only the seed data differs, by profile.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class EnvironmentTests(Provider provider) : ClaimsDatabaseTest(provider)
{
    private static readonly long[] AllVersions =
    [
        ClaimsVersions.ExistingSchemaBaseline, ClaimsVersions.ClientProConnectionClaimId, ClaimsVersions.EmailLog,
        ClaimsVersions.ClaimContractor, ClaimsVersions.StorageUsage, ClaimsVersions.ReportQueue,
    ];

    [Test]
    public void No_claims_migration_is_tagged()
    {
        Assert.That(Runner(o => o).Catalog.Versioned.Where(m => m.TagNames.Count > 0).Select(m => m.Name), Is.Empty);
    }

    [TestCase("Development")]
    [TestCase("Staging")]
    [TestCase("Production")]
    public async Task Every_migration_is_pending_then_applied_under_each_environment(string environment)
    {
        var runner = Runner(o => o with { Tags = [environment], Environment = environment });

        var before = await runner.ListMigrationsAsync();
        var result = await runner.MigrateUpAsync();
        var after = await runner.ListMigrationsAsync();

        Assert.That(before.Select(s => (s.Version, s.State)), Is.EqualTo(AllVersions.Select(v => (v, MigrationState.Pending))), "nothing is skipped for its tags");
        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(AllVersions));
        Assert.That(result.Skipped, Is.Empty);
        Assert.That(after.Select(s => (s.Version, s.State, s.Environment)), Is.EqualTo(AllVersions.Select(v => (v, MigrationState.Applied, (string?)environment))));
    }

    [Test]
    public async Task Production_migrates_without_a_profile_and_gets_no_generated_rows()
    {
        var result = await Runner(o => o with { Tags = ["Production"], Environment = "Production" }).MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.Empty);
        Assert.That(SeedChecks.Counts(Db).Values, Has.All.Zero);
    }

    [Test]
    public void Both_profiles_are_found_by_their_names()
    {
        var profiles = Runner(o => o).Catalog.Profiles.Select(p => (p.Profile, p.Info.Type.Name));

        Assert.That(profiles, Is.EquivalentTo(new[] { ("Development", "DevelopmentSeed"), ("Staging", "StagingSeed") }));
    }
}
