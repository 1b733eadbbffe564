namespace Migrations.Runner.Tests.D1;

/// <summary>
/// Issue 16, item 1 (<c>baseline</c>, <c>validate</c> on D1) with issue 15's adoption: a D1 the
/// team's wrangler migrations made (its <c>d1_migrations</c>, no journal of ours) is baselined on D1
/// itself, not only on the working copy: the rows reach D1 in one batch behind the lease, and
/// wrangler's journal is left as it was.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class D1BaselineTests
{
    private D1Project _project = null!;

    [OneTimeSetUp]
    public void CreateProject() => _project = new D1Project();

    [OneTimeTearDown]
    public void RemoveProject() => _project.Dispose();

    private Task<RunnerProcess.Result> Probe(params string[] args) => _project.RunAsync([.. args, "--assembly", RunnerProcess.D1ProbeDll, "--database", "probe"]);

    [Test]
    public async Task A_d1_made_by_wrangler_is_baselined_on_d1_and_its_d1_migrations_left_alone()
    {
        var migrate = await Probe("migrate");
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        var (dropped, output) = await _project.WranglerAsync("d1", "execute", D1Project.Name, "--local", "--command", "DROP TABLE VersionInfo");
        Assert.That(dropped, Is.Zero, output);
        var wranglers = await _project.RowsAsync("SELECT id || ' ' || name FROM d1_migrations");

        var baseline = await Probe("baseline");

        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        Assert.That(await _project.RowsAsync("SELECT count(*) FROM sqlite_master WHERE name = 'VersionInfo'"), Is.EqualTo(new[] { "1" }), RunnerProcess.Describe(baseline));
        Assert.That(await _project.RowsAsync("SELECT Version || ' ' || (Baseline LIKE 'live schema matched version 3%') FROM VersionInfo"), Is.EqualTo(new[] { "1 1", "2 1", "3 1" }),
            "the rows are on D1, each with its evidence\n" + RunnerProcess.Describe(baseline));
        Assert.That(await _project.RowsAsync("SELECT id || ' ' || name FROM d1_migrations"), Is.EqualTo(wranglers), "wrangler's journal is never modified");
        Assert.That(await _project.RowsAsync("SELECT count(*) FROM _migrations_lock"), Is.EqualTo(new[] { "0" }), "the lease was released");

        var status = await Probe("status");
        Assert.That(status.StandardOutput, Does.Match(@"\n\s+3  baselined "), RunnerProcess.Describe(status));
        var validate = await Probe("validate");
        Assert.That(validate.ExitCode, Is.Zero, RunnerProcess.Describe(validate));
        var again = await Probe("migrate");
        Assert.That(again.ExitCode, Is.Zero, RunnerProcess.Describe(again));
        Assert.That(again.StandardError, Does.Contain("0 applied"), "nothing runs twice");
    }
}
