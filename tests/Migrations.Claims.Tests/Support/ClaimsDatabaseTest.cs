using Microsoft.Extensions.Logging;
using Migrations.Claims.Migrations;
using Migrations.Engine.Running;
using Migrations.Testing;

namespace Migrations.Claims.Tests.Support;

/// <summary>A fresh, real database per test on the fixture's provider, and a runner over the claims migrations.</summary>
public abstract class ClaimsDatabaseTest(Provider provider)
{
    protected Provider Provider { get; } = provider;

    protected TestDatabase Db { get; private set; } = null!;

    [SetUp]
    public void CreateDatabase() => Db = TestDatabase.Create(Provider, "claims");

    [TearDown]
    public void DropDatabase() => Db.Dispose();

    protected Migrator Runner() => Harness.Runner(Db, typeof(ExistingSchemaBaseline).Assembly, typeof(ExistingSchemaBaseline).Namespace);

    /// <summary>
    /// A runner over the whole claims assembly (migrations and the seeding profiles in
    /// Migrations.Claims.Seeding), configured like a pipeline run, logging into <paramref name="log"/>.
    /// </summary>
    protected Migrator Runner(Func<MigratorOptions, MigratorOptions> configure, ILogger? log = null)
    {
        var options = new MigratorOptions
        {
            Provider = Db.DatabaseProvider,
            ConnectionString = Db.ConnectionString,
            Assemblies = [typeof(ExistingSchemaBaseline).Assembly],
            Namespace = "Migrations.Claims",
            NestedNamespaces = true,
            DatabaseName = "claims",
            LockTimeout = TimeSpan.FromSeconds(30),
        };
        return new Migrator(configure(options), log);
    }

    /// <summary>A runner with a seeding profile (and the environment of the same name).</summary>
    protected Migrator SeedRunner(string profile, int? scale = null, ILogger? log = null) =>
        Runner(o => o with { Profile = profile, Environment = profile, SeedScale = scale ?? o.SeedScale }, log);

    protected Task MigrateToLatestAsync() => Runner().MigrateUpAsync();

    protected Task MigrateToAsync(long version) => Runner().MigrateUpAsync(version);

    /// <summary>Runs a statement that must be refused by the database (a constraint); fails the test if it succeeds.</summary>
    protected void AssertRefused(string sql, string because) =>
        Assert.That(() => Db.Execute(sql), Throws.InstanceOf<System.Data.Common.DbException>(), because);
}
