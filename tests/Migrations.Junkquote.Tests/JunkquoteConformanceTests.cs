using Migrations.Junkquote.Migrations;
using Migrations.Testing;

namespace Migrations.Junkquote.Tests;

/// <summary>The conformance suite every database passes, on the junkquote assembly as the runner loads it (migrations and profiles).</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class JunkquoteConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(Baseline).Assembly;

    protected override IEnumerable<string> Profiles => ["Development", "Staging"];
}
