namespace Migrations.Runner.Tests.D1;

/// <summary>
/// workspace on wrangler's local D1: empty to latest, one version back, and back to empty, with
/// wrangler's own journal agreeing with our status at every step (wrangler reads the migrations
/// directory our <c>script --out</c> wrote, so its files carry our names).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class D1MigrateAndRollbackTests
{
    private D1Project _project = null!;

    [OneTimeSetUp]
    public void CreateProject() => _project = new D1Project();

    [OneTimeTearDown]
    public void RemoveProject() => _project.Dispose();

    [Test]
    public async Task Migrates_up_to_latest_one_version_back_and_down_to_empty()
    {
        var script = await _project.RunAsync("script", "--out", _project.MigrationsDirectory);
        Assert.That(script.ExitCode, Is.Zero, RunnerProcess.Describe(script));

        var up = await _project.RunAsync("migrate", "--allow-data-loss");
        Assert.That(up.ExitCode, Is.Zero, RunnerProcess.Describe(up));
        await AssertJournalsAgreeAsync(pending: []);
        Assert.That(await _project.RowsAsync("SELECT count(*) FROM pragma_foreign_key_check"), Is.EqualTo(new[] { "0" }));
        Assert.That(await TablesAsync(), Does.Contain("thread_invites").And.Contain("admin_workspace_access").And.Contain("dev_mail_outbox"));

        var back = await _project.RunAsync("rollback", "--allow-data-loss");
        Assert.That(back.ExitCode, Is.Zero, RunnerProcess.Describe(back));
        await AssertJournalsAgreeAsync(pending: ["0027_dev_mail_outbox.sql"]);
        Assert.That(await TablesAsync(), Does.Not.Contain("dev_mail_outbox").And.Contain("thread_invites"));

        var down = await _project.RunAsync("rollback", "--to", "0", "--allow-data-loss");
        Assert.That(down.ExitCode, Is.Zero, RunnerProcess.Describe(down));
        Assert.That(await TablesAsync(), Is.EquivalentTo(new[] { "VersionInfo", "d1_migrations", "_migrations_lock" }), "only the journals and the lease table stay");
        Assert.That(await _project.RowsAsync("SELECT (SELECT count(*) FROM VersionInfo) || '/' || (SELECT count(*) FROM d1_migrations) || '/' || (SELECT count(*) FROM _migrations_lock)"),
            Is.EqualTo(new[] { "0/0/0" }), "no journal row of either tool, and the lease released");
    }

    private async Task<IReadOnlyList<string>> TablesAsync() =>
        await _project.RowsAsync("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'");

    /// <summary>Our status, our journal and wrangler's `migrations list` name the same pending files; every other file is applied in both journals.</summary>
    private async Task AssertJournalsAgreeAsync(string[] pending)
    {
        var files = Directory.GetFiles(_project.MigrationsDirectory, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.That(files, Has.Length.EqualTo(20), "one wrangler file per migration Development applies (0001 to 0027 with their gaps, not 0028)");

        var (exit, list) = await _project.WranglerAsync("d1", "migrations", "list", D1Project.Name, "--local");
        Assert.That(exit, Is.Zero, list);
        var listed = files.Where(f => list.Contains(f!, StringComparison.Ordinal)).ToArray();
        Assert.That(listed, Is.EquivalentTo(pending), $"wrangler d1 migrations list:\n{list}");
        if (pending.Length == 0)
        {
            Assert.That(list, Does.Contain("No migrations to apply"));
        }

        var applied = await _project.RowsAsync("SELECT name FROM d1_migrations");
        Assert.That(applied, Is.EquivalentTo(files.Except(pending)), "d1_migrations holds exactly the applied files");
        var ours = await _project.RowsAsync("SELECT Description FROM VersionInfo");
        Assert.That(ours.Select(FileName), Is.EquivalentTo(applied), "our journal and wrangler's name the same migrations");

        var status = await _project.RunAsync("status", "--json");
        Assert.That(status.ExitCode, Is.Zero, RunnerProcess.Describe(status));
        using var json = System.Text.Json.JsonDocument.Parse(status.StandardOutput);
        var states = json.RootElement.EnumerateArray().ToLookup(e => e.GetProperty("state").GetString(), e => FileName(e.GetProperty("description").GetString()!));
        Assert.That(states["pending"], Is.EquivalentTo(pending), "our status's pending migrations are wrangler's unapplied files");
        Assert.That(states["applied"], Is.EquivalentTo(applied), "our status's applied migrations are wrangler's applied files");
    }

    // A migration's wrangler name: its description's first word, as a .sql file.
    private static string FileName(string description) => Path.ChangeExtension(description.Split(' ')[0], ".sql");
}
