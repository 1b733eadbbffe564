namespace Migrations.Runner.Tests.D1;

/// <summary>
/// Two runners started at once on one local D1 (the lease row is the only lock D1 offers): both
/// finish (0) or the one that waited gives up (4), each migration is applied once, and both
/// journals hold exactly one row per migration.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class D1ConcurrentRunnersTests
{
    private D1Project _project = null!;

    [OneTimeSetUp]
    public void CreateProject() => _project = new D1Project();

    [OneTimeTearDown]
    public void RemoveProject() => _project.Dispose();

    [Test]
    public async Task Two_runners_at_once_apply_each_migration_once()
    {
        string[] args = ["migrate", "--assembly", RunnerProcess.D1ProbeDll, "--database", "probe", "--lock-timeout", "120"];
        var first = _project.Start(args);
        var second = _project.Start(args);
        var results = await Task.WhenAll(RunnerProcess.FinishAsync(first), RunnerProcess.FinishAsync(second));

        var describe = string.Join("\n", results.Select(RunnerProcess.Describe));
        Assert.That(results.Select(r => r.ExitCode), Is.EquivalentTo(new[] { 0, 0 }).Or.EquivalentTo(new[] { 0, 4 }), describe);
        foreach (var version in new[] { 1, 2, 3 })
        {
            Assert.That(results.Sum(r => RunnerProcess.StepLines(r, "probe", "applied", version)), Is.EqualTo(1), $"migration {version} applied by one runner only:\n{describe}");
        }

        Assert.That(await _project.RowsAsync("SELECT Version FROM VersionInfo"), Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(await _project.RowsAsync("SELECT name FROM d1_migrations"), Is.EqualTo(new[] { "0001_create_items.sql", "0002_create_notes.sql", "0003_tag_items.sql" }));
        Assert.That(await _project.RowsAsync("SELECT count(*) FROM _migrations_lock"), Is.EqualTo(new[] { "0" }), "both leases released");
    }
}
