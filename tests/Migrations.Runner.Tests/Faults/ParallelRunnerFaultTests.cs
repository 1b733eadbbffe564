using System.Text.RegularExpressions;
using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// Eight pipelines deploying one empty database at the same moment: the run lock serialises them,
/// so each migration is applied exactly once, by one of them, and with a lock timeout long enough
/// for the others to wait, every one of them succeeds.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ParallelRunnerFaultTests(Provider provider)
{
    private const int Runners = 8;
    private TestDatabase _db = null!;
    private string _work = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _db = TestDatabase.Create(provider);
        _work = RunnerProcess.TempDirectory();
    }

    [TearDown]
    public void DropDatabase()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Test]
    public async Task Eight_runners_started_at_once_on_an_empty_database_all_exit_0_and_apply_every_migration_exactly_once()
    {
        var gauges = new GaugeRuns(_db, _work);

        // The winner holds the lock through a slow step, so the others really wait for it.
        var results = await Task.WhenAll(Enumerable.Range(0, Runners).Select(_ => gauges.RunAsync(GaugeRuns.Slow(1), "migrate", "--lock-timeout", "120")));

        Assert.Multiple(() =>
        {
            foreach (var result in results)
            {
                Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
            }

            foreach (var version in GaugeRuns.AllVersions)
            {
                var appliedBy = results.Count(r => RunnerProcess.StepLines(r, "gauges", "applied", version) == 1);
                Assert.That(appliedBy, Is.EqualTo(1), $"runners that applied {version}");
            }

            Assert.That(results.Count(r => r.StandardError.Contains("done in", StringComparison.Ordinal) && r.StandardError.Contains(": 0 applied", StringComparison.Ordinal)),
                Is.EqualTo(Runners - 1), "the others found nothing left to do");
        });
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(GaugeRuns.AllVersions), "each version in the journal once");
    }
}
