using Microsoft.Data.Sqlite;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// The journal checks stop a migrate with exit 3 and name the option that lets it through; the
/// options exist, so a hotfix deploy is not blocked (issue 14, item 12).
/// </summary>
public sealed class JournalCheckOptionTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    private string Db => Path.Combine(_work, "widgets.db");

    private Task<RunnerProcess.Result> Run(params string[] args) =>
        RunnerProcess.RunAsync(_work, null, [.. args, "--assembly", RunnerProcess.FixturesDll, "--database", "widgets", "--connection", $"Data Source={Db}", "--environment", "Development"]);

    private void Execute(string sql)
    {
        using var db = new SqliteConnection($"Data Source={Db};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Count(string sql)
    {
        using var db = new SqliteConnection($"Data Source={Db};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Test]
    public async Task A_pending_migration_older_than_the_newest_applied_needs_allow_out_of_order()
    {
        Assert.That((await Run("migrate")).ExitCode, Is.Zero);

        // As if version 3 had been merged after 4 and 5 were deployed.
        Execute("DELETE FROM \"VersionInfo\" WHERE \"Version\" = 3; DELETE FROM widget WHERE id = 1");

        var refused = await Run("migrate");
        Assert.That(refused.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(refused));
        Assert.That(refused.StandardError, Does.Contain("--allow-out-of-order"));
        Assert.That(Count("SELECT count(*) FROM widget"), Is.Zero, "the refused run changed nothing");

        var allowed = await Run("migrate", "--allow-out-of-order");
        Assert.That(allowed.ExitCode, Is.Zero, RunnerProcess.Describe(allowed));
        Assert.That(Count("SELECT count(*) FROM \"VersionInfo\" WHERE \"Version\" = 3"), Is.EqualTo(1));
        Assert.That(Count("SELECT count(*) FROM widget"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_applied_version_missing_from_the_code_needs_allow_missing()
    {
        Assert.That((await Run("migrate", "--target", "2")).ExitCode, Is.Zero);
        Execute("INSERT INTO \"VersionInfo\" (\"Version\", \"AppliedOn\", \"Description\") VALUES (99, '2026-01-01T00:00:00', 'from a newer build')");

        var refused = await Run("migrate");
        Assert.That(refused.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(refused));
        Assert.That(refused.StandardError, Does.Contain("99").And.Contain("--allow-missing"));

        var allowed = await Run("migrate", "--allow-missing", "--allow-out-of-order");
        Assert.That(allowed.ExitCode, Is.Zero, RunnerProcess.Describe(allowed));
        Assert.That(Count("SELECT count(*) FROM \"VersionInfo\" WHERE \"Version\" IN (3, 4, 5)"), Is.EqualTo(3));
    }

    [Test]
    public async Task Script_takes_the_same_options_as_migrate()
    {
        var help = await RunnerProcess.RunAsync(_work, null, "script", "--help");
        Assert.That(help.StandardOutput, Does.Contain("--allow-out-of-order").And.Contain("--allow-missing").And.Contain("--allow-breaking-change"));
        var migrateHelp = await RunnerProcess.RunAsync(_work, null, "migrate", "--help");
        Assert.That(migrateHelp.StandardOutput, Does.Contain("--allow-out-of-order").And.Contain("--allow-missing").And.Contain("--allow-breaking-change"));
    }
}
