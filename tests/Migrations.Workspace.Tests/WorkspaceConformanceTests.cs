using Migrations.Testing;
using Migrations.Workspace;

namespace Migrations.Workspace.Tests;

/// <summary>
/// The conformance suite every database passes, on the workspace assembly as the runner loads it:
/// the seed's nineteen versions, then 0027 (Development only) and 0028 (Production and Staging).
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class WorkspaceConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(M0001_InitCore).Assembly;

    protected override IReadOnlyList<long> Versions { get; } = [.. WorkspaceFixture.SeedVersions, 27, 28];

    protected override IReadOnlyDictionary<long, string[]> TaggedVersions { get; } = new Dictionary<long, string[]>
    {
        [27] = ["Development"],
        [28] = ["Production", "Staging"],
    };

    protected override IReadOnlyDictionary<string, string[]> Profiles { get; } = new Dictionary<string, string[]>
    {
        ["Development"] = ["DevelopmentSeed"],
        ["Staging"] = ["StagingSeed"],
    };

    protected override int SeedScale => 1_000;
}
