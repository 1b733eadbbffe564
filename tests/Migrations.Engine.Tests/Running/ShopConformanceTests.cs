using Migrations.Engine.Tests.Running.TestMigrations.Shop;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Running;

/// <summary>The conformance suite every database passes, run here on a small FluentMigrator migration set of our own.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ShopConformanceTests(Provider provider) : ConformanceSuite(provider)
{
    protected override System.Reflection.Assembly MigrationsAssembly => typeof(CreateCustomers).Assembly;

    protected override string? MigrationsNamespace => typeof(CreateCustomers).Namespace;

    protected override IReadOnlyList<long> Versions { get; } = [1, 2, 3];

    protected override IReadOnlyDictionary<string, string[]> Profiles { get; } = new Dictionary<string, string[]>
    {
        ["Development"] = [nameof(DevelopmentCustomers)],
    };
}
