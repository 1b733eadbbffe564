using Migrations.Claims.Tests.Support;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>
/// claims has no environment-specific migrations (docs/databases/claims.md, "Environments"): the
/// schema is the one Prisma expects in every environment, so every migration is untagged and
/// runs under every environment's tags; only the seed data differs, by profile. That no migration
/// is tagged, that each environment applies them all, and which profiles exist are the conformance
/// suite's facts (<see cref="ClaimsConformanceTests"/>).
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class EnvironmentTests(Provider provider) : ClaimsDatabaseTest(provider)
{
    [Test]
    public async Task Production_migrates_without_a_profile_and_gets_no_generated_rows()
    {
        var result = await Runner(o => o with { Tags = ["Production"], Environment = "Production" }).MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.Empty);
        Assert.That(SeedChecks.Counts(Db).Values, Has.All.Zero);
    }
}
