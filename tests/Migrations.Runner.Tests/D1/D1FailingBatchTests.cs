namespace Migrations.Runner.Tests.D1;

/// <summary>
/// A migration whose statements SQLite runs but D1 refuses (sqlite_version() is not authorised on
/// D1) after it changed rows and schema: its batch fails as a whole, so D1 (schema, rows, both
/// journals) is exactly as before, the run exits 1 naming the migration, and the lease is released.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class D1FailingBatchTests
{
    private const string State = "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE '_cf_%' UNION ALL SELECT 'item ' || id || ' ' || name FROM items " +
        "UNION ALL SELECT 'ours ' || Version FROM VersionInfo UNION ALL SELECT 'wrangler ' || name FROM d1_migrations UNION ALL SELECT 'lease ' || holder FROM _migrations_lock";

    private D1Project _project = null!;

    [OneTimeSetUp]
    public void CreateProject() => _project = new D1Project();

    [OneTimeTearDown]
    public void RemoveProject() => _project.Dispose();

    [Test]
    public async Task A_batch_D1_refuses_leaves_D1_unchanged()
    {
        var first = await _project.RunAsync("migrate", "--assembly", RunnerProcess.D1ProbeDll, "--database", "probe", "--target", "2");
        Assert.That(first.ExitCode, Is.Zero, RunnerProcess.Describe(first));
        var before = await _project.RowsAsync(State);

        var refused = await _project.RunAsync(new Dictionary<string, string> { ["D1PROBE_REFUSED"] = "1" }, "migrate", "--assembly", RunnerProcess.D1ProbeDll, "--database", "probe", "--allow-data-loss");
        Assert.That(refused.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(refused));
        Assert.That(refused.StandardError, Does.Contain("TagItems").And.Contain("D1 refused the batch").And.Contain("nothing of it was applied"));
        Assert.That(await _project.RowsAsync(State), Is.EqualTo(before), "D1 as it was: no tags table, items unchanged, no journal rows, no lease");

        // Nothing half-applied stands in the way: the same step, which D1 accepts, applies.
        var again = await _project.RunAsync("migrate", "--assembly", RunnerProcess.D1ProbeDll, "--database", "probe", "--allow-data-loss");
        Assert.That(again.ExitCode, Is.Zero, RunnerProcess.Describe(again));
        Assert.That(await _project.RowsAsync("SELECT id || ' ' || name FROM items"), Is.EqualTo(new[] { "1 renamed" }));
    }
}
