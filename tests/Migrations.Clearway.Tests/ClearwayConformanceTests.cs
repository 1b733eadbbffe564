using Migrations.Clearway;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

/// <summary>
/// The conformance suite every database passes, on the clearway assembly as the runner loads it
/// (migrations, profiles and the views' refresh). The overdue index is built in Production and Staging only.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ClearwayConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(Phase1CoreSchema).Assembly;

    /// <summary>The batches in the seeds' stated order, then the overdue index, versioned after every schema batch.</summary>
    protected override IReadOnlyList<long> Versions { get; } =
    [
        ClearwayVersions.Phase1CoreSchema, ClearwayVersions.IntegrationExpansionPhase2, ClearwayVersions.Phase2CompleteSchema,
        ClearwayVersions.AddMaterializedViews, ClearwayVersions.CapitalCallOverdueIndex,
    ];

    protected override IReadOnlyDictionary<long, string[]> TaggedVersions { get; } = new Dictionary<long, string[]>
    {
        [ClearwayVersions.CapitalCallOverdueIndex] = ["Production", "Staging"],
    };

    protected override IReadOnlyDictionary<string, string[]> Profiles { get; } = new Dictionary<string, string[]>
    {
        ["Development"] = [nameof(DevelopmentDemoData)],
        ["Staging"] = [nameof(StagingVolumeData)],
    };

    protected override int SeedScale => 1_000;
}
