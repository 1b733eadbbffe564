namespace Migrations.Runner.Tests.D1;

/// <summary>
/// <c>script --provider d1 --out DIR</c> writes one wrangler migration file per migration under our
/// names; <c>wrangler d1 migrations apply --local</c> runs them on a fresh D1, and the result is
/// the schema our migrations make (drift finds no difference), with status and wrangler's list agreeing.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class D1WranglerFilesTests
{
    private D1Project _project = null!;

    [OneTimeSetUp]
    public void CreateProject() => _project = new D1Project();

    [OneTimeTearDown]
    public void RemoveProject() => _project.Dispose();

    [Test]
    public async Task Files_applied_by_wrangler_give_the_schema_of_migrate()
    {
        var script = await _project.RunAsync("script", "--out", _project.MigrationsDirectory);
        Assert.That(script.ExitCode, Is.Zero, RunnerProcess.Describe(script));
        Assert.That(await _project.RowsAsync("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE '_cf_%'"), Is.EqualTo(new[] { "0" }), "script changes nothing on D1");
        var files = Directory.GetFiles(_project.MigrationsDirectory).Select(Path.GetFileName).ToArray();
        Assert.That(files, Does.Contain("0001_init_core.sql").And.Contain("0026_threads_and_invites.sql").And.Contain("0027_dev_mail_outbox.sql").And.Not.Contain("0028_audit_logs_append_only.sql"));

        var (exit, applied) = await _project.WranglerAsync("d1", "migrations", "apply", D1Project.Name, "--local");
        Assert.That(exit, Is.Zero, applied);

        var drift = await _project.RunAsync("drift");
        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));
        var status = await _project.RunAsync("status", "--fail-on-pending");
        Assert.That(status.ExitCode, Is.Zero, $"our journal rows came with the files: nothing pending\n{RunnerProcess.Describe(status)}");
        var (listExit, list) = await _project.WranglerAsync("d1", "migrations", "list", D1Project.Name, "--local");
        Assert.That(listExit, Is.Zero, list);
        Assert.That(list, Does.Contain("No migrations to apply"));
        Assert.That(await _project.RowsAsync("SELECT count(*) FROM VersionInfo"), Is.EqualTo(new[] { files.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }
}
