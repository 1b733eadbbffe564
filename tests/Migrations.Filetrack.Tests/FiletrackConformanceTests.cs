using Migrations.Filetrack.Migrations;
using Migrations.Testing;

namespace Migrations.Filetrack.Tests;

/// <summary>
/// The conformance suite every database passes, on the filetrack assembly as the runner loads it.
/// filetrack has no environment-specific migration (docs/databases/filetrack.md says why): every
/// environment gets the same schema, and nothing is seeded for Production.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class FiletrackConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(MasterConsolidatedSchema).Assembly;

    /// <summary>The master before nps_submissions.</summary>
    protected override IReadOnlyList<long> Versions { get; } = [FiletrackVersions.MasterConsolidatedSchema, FiletrackVersions.NpsSubmissions];

    protected override IReadOnlyDictionary<string, string[]> Profiles { get; } = new Dictionary<string, string[]>
    {
        ["Development"] = ["DevelopmentSeed"],
        ["Staging"] = ["StagingSeed"],
    };

    protected override int SeedScale => 1_000;
}
