namespace Migrations.Runner.Tests;

/// <summary>Issue 10 through the real runner: the data-loss guard's exit code and mandatory backups.</summary>
public sealed class SafeRollbackTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    private string[] Widgets(string environment, params string[] args) =>
        [.. args, "--assembly", RunnerProcess.FixturesDll, "--database", "widgets", "--connection", $"Data Source={Path.Combine(_work, "widgets.db")}", "--environment", environment];

    private Task<RunnerProcess.Result> Run(params string[] args) => RunnerProcess.RunAsync(_work, null, args);

    [Test]
    public async Task A_rollback_that_would_destroy_rows_exits_3_listing_them_until_data_loss_is_allowed()
    {
        await Run(Widgets("Development", "migrate"));

        var refused = await Run(Widgets("Development", "rollback", "--to", "0"));
        var allowed = await Run(Widgets("Development", "rollback", "--to", "0", "--allow-data-loss"));

        Assert.That(refused.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(refused));
        Assert.That(refused.StandardError, Does.Contain("error: widgets: refusing to rollback, it would destroy data: ").And.Contain("1: CreateWidget would delete table \"widget\": 1 row(s)"));
        Assert.That(allowed.ExitCode, Is.Zero, RunnerProcess.Describe(allowed));
        Assert.That(allowed.StandardOutput, Does.Contain("widgets: rolled back 1 create widget"));
    }

    [Test]
    public async Task Production_requires_a_backup_and_the_backup_path_is_printed()
    {
        var refused = await Run(Widgets("Production", "migrate"));
        var backups = Path.Combine(_work, "backups");
        var migrated = await Run(Widgets("Production", "migrate", "--target", "2", "--backup", backups));
        var nothingToDo = await Run(Widgets("Production", "migrate", "--target", "2", "--backup", backups));

        Assert.That(refused.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(refused));
        Assert.That(refused.StandardError, Does.Contain("error: Production requires a backup before changes: pass --backup DIR"));
        Assert.That(migrated.ExitCode, Is.Zero, RunnerProcess.Describe(migrated));
        var backup = Directory.GetFiles(backups).Single();
        Assert.That(migrated.StandardOutput, Does.Contain($"widgets: backup {backup}"));
        Assert.That(nothingToDo.ExitCode, Is.Zero);
        Assert.That(Directory.GetFiles(backups), Has.Length.EqualTo(1), "no backup when nothing changes");
    }
}
