using Migrations.Claims.Migrations;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>The conformance suite every database passes, on the claims assembly as the runner loads it (migrations and profiles).</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ClaimsConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(ExistingSchemaBaseline).Assembly;

    protected override IEnumerable<string> Profiles => ["Development", "Staging"];
}
