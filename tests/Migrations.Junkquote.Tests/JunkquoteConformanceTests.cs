using Migrations.Junkquote.Migrations;
using Migrations.Testing;

namespace Migrations.Junkquote.Tests;

/// <summary>
/// The conformance suite every database passes, on the junkquote assembly as the runner loads it.
/// junkquote has no environment-specific migration (docs/databases/junkquote.md says why): every batch
/// is untagged, so every environment applies all of them, until someone adds one on purpose.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class JunkquoteConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(Baseline).Assembly;

    /// <summary>The batches in their order.</summary>
    protected override IReadOnlyList<long> Versions { get; } = [JunkquoteVersions.Baseline, JunkquoteVersions.Batch1, JunkquoteVersions.Batch2];

    protected override IReadOnlyDictionary<string, string[]> Profiles { get; } = new Dictionary<string, string[]>
    {
        ["Development"] = ["DevelopmentSeed"],
        ["Staging"] = ["StagingSeed"],
    };

    protected override int SeedScale => 240;
}
