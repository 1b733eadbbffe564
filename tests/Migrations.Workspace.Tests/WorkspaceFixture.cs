using Migrations.Engine.Running;
using Migrations.Testing;
using Migrations.Workspace;

namespace Migrations.Workspace.Tests;

/// <summary>A fresh real database per test and a runner over the workspace migrations.</summary>
public abstract class WorkspaceFixture(Provider provider)
{
    /// <summary>The seed's migration numbers, with its gaps.</summary>
    protected internal static readonly long[] SeedVersions = [1, 2, 3, 4, 5, 6, 8, 9, 10, 14, 15, 16, 17, 18, 21, 22, 24, 25, 26];

    protected Provider Provider { get; } = provider;

    protected TestDatabase Db { get; private set; } = null!;

    [SetUp]
    public void CreateDatabase()
    {
        LogLines.Clear();
        Db = TestDatabase.Create(Provider);
    }

    [TearDown]
    public void DropDatabase() => Db.Dispose();

    // These tests check what Down() restores, so they roll back over data on purpose; the data-loss
    // guard that would otherwise stop them is tested in the engine suite.
    protected Migrator Runner() =>
        Harness.Runner(Db, typeof(M0001_InitCore).Assembly, typeof(M0001_InitCore).Namespace, o => o with { AllowDataLoss = true });

    /// <summary>The lines the run logged (the profiles' skip messages among them).</summary>
    protected List<string> LogLines { get; } = [];

    /// <summary>A runner configured like a pipeline's for one environment, logging into <see cref="LogLines"/>.</summary>
    protected Migrator Runner(Func<MigratorOptions, MigratorOptions> configure) =>
        new(configure(new MigratorOptions
        {
            Provider = Db.DatabaseProvider,
            ConnectionString = Db.ConnectionString,
            Assemblies = [typeof(M0001_InitCore).Assembly],
            Namespace = typeof(M0001_InitCore).Namespace,
            DatabaseName = "workspace",
            LockTimeout = TimeSpan.FromSeconds(30),
            AllowDataLoss = true,
        }), new ListLogger(LogLines));

    /// <summary>A runner for an environment: its name is its one tag, as the runner's configuration maps it.</summary>
    protected Migrator EnvironmentRunner(string? environment, string? profile = null, int? seedScale = null) =>
        Runner(o => o with
        {
            Environment = environment,
            Tags = environment is null ? [] : [environment],
            Profile = profile,
            SeedScale = seedScale ?? o.SeedScale,
        });

    protected Task MigrateAsync(long? target = null) => Runner().MigrateUpAsync(target);

    protected void Sql(string sql) => Db.Execute(sql);

    protected long Count(string sql) => Db.Count(sql);

    protected void AddUser(string id) => Sql($"INSERT INTO users (id, email, display_name) VALUES ('{id}', '{id}@example.com', '{id}')");

    protected void AddWorkspace(string id, string ownerId) => Sql($"INSERT INTO workspaces (id, owner_id, name) VALUES ('{id}', '{ownerId}', '{id}')");
}
