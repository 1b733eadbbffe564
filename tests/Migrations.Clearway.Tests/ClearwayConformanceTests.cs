using Migrations.Clearway;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

/// <summary>The conformance suite every database passes, on the clearway assembly as the runner loads it (migrations, profiles and the views' refresh).</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ClearwayConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(Phase1CoreSchema).Assembly;

    protected override IEnumerable<string> Profiles => ["Development", "Staging"];
}
