using Migrations.Claims.Migrations;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>
/// The conformance suite every database passes, on the claims assembly as the runner loads it. claims
/// has no environment-specific migration (docs/databases/claims.md, "Environments"): the schema is the
/// one Prisma expects everywhere; only the seed data differs, by profile.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ClaimsConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(ExistingSchemaBaseline).Assembly;

    protected override IReadOnlyList<long> Versions { get; } =
    [
        ClaimsVersions.ExistingSchemaBaseline, ClaimsVersions.ClientProConnectionClaimId, ClaimsVersions.EmailLog,
        ClaimsVersions.ClaimContractor, ClaimsVersions.StorageUsage, ClaimsVersions.ReportQueue,
    ];

    protected override IReadOnlyDictionary<string, string[]> Profiles { get; } = new Dictionary<string, string[]>
    {
        ["Development"] = ["DevelopmentSeed"],
        ["Staging"] = ["StagingSeed"],
    };

    protected override int SeedScale => 2_000;
}
