using Migrations.Testing;
using Migrations.Workspace;

namespace Migrations.Workspace.Tests;

/// <summary>The conformance suite every database passes, on the workspace assembly as the runner loads it (migrations and profiles).</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class WorkspaceConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(M0001_InitCore).Assembly;

    protected override IEnumerable<string> Profiles => ["Development", "Staging"];
}
