using Migrations.Testing;

namespace Migrations.Runner.Tests;

/// <summary>
/// <c>drift --shadow-connection</c> on PostgreSQL (SQLite always builds its shadow in memory): an
/// empty database the user names is used, and emptied again afterwards.
/// </summary>
public sealed class ShadowConnectionTests
{
    private TestDatabase _db = null!;
    private string _work = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _work = RunnerProcess.TempDirectory();
        _db = TestDatabase.Create(Provider.Postgres, "live");
    }

    [TearDown]
    public void DropDatabase()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private Task<RunnerProcess.Result> Claims(params string[] args) =>
        RunnerProcess.RunAsync(_work, null, [.. args, "--database", "claims", "--provider", "postgres", "--connection", _db.ConnectionString, "--environment", "Development"]);

    [Test]
    public async Task An_empty_shadow_database_given_is_used_and_emptied_again()
    {
        var migrate = await Claims("migrate");
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        using var shadow = TestDatabase.Create(Provider.Postgres, "shadow");

        var drift = await Claims("drift", "--shadow-connection", shadow.ConnectionString);

        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));
        Assert.That(drift.StandardError, Does.Contain($"in shadow database {new Npgsql.NpgsqlConnectionStringBuilder(shadow.ConnectionString).Database}"), "the named database was the one used");
        Assert.That(shadow.Count("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'"), Is.Zero);
        Assert.That(DriftCommandTests.ScratchDatabasesOf(_db), Is.Zero, "no scratch database was made besides");
    }

}
