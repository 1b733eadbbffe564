using Migrations.Filetrack.Migrations;
using Migrations.Testing;

namespace Migrations.Filetrack.Tests;

/// <summary>The conformance suite every database passes, on the filetrack assembly as the runner loads it (migrations and profiles).</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class FiletrackConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(MasterConsolidatedSchema).Assembly;

    protected override IEnumerable<string> Profiles => ["Development", "Staging"];
}
