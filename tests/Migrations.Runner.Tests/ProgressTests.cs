using System.Text.Json;
using System.Text.RegularExpressions;

namespace Migrations.Runner.Tests;

/// <summary>
/// Issue 17, item 3: a long bulk insert (a Staging seed) says how far it is. The thresholds are
/// configuration (5 s, then every 3 s, by default); the test sets them to zero so a seed of a few
/// thousand rows shows the lines a large one shows after 5 s.
/// </summary>
public sealed class ProgressTests
{
    private static readonly Dictionary<string, string> Immediately = new() { ["Migrations__ProgressAfterSeconds"] = "0", ["Migrations__ProgressEverySeconds"] = "0" };

    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    private Task<RunnerProcess.Result> StagingSeed(IDictionary<string, string>? environment, params string[] extra) =>
        RunnerProcess.RunAsync(_work, environment, ["migrate", "--database", "workspace", "--connection", "Data Source=workspace.db", "--environment", "Staging", "--seed-scale", "3000", .. extra]);

    [Test]
    public async Task A_long_seed_logs_rows_done_and_the_rate_per_table()
    {
        var migrate = await StagingSeed(Immediately);

        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        var lines = Regex.Matches(migrate.StandardError, @"(?m)^\d\d:\d\d:\d\d  workspace  work_items: (\d+) rows, \d+ rows/s$").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.That(lines, Is.Not.Empty, RunnerProcess.Describe(migrate));
        Assert.That(lines, Is.Ordered.Ascending.And.All.LessThanOrEqualTo(3000));
    }

    [Test]
    public async Task In_json_each_progress_line_is_a_progress_event_with_numbers()
    {
        var migrate = await StagingSeed(Immediately, "--log-format", "json");

        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        var progress = migrate.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("event").GetString() == "progress").ToArray();
        Assert.That(progress, Is.Not.Empty);
        Assert.That(progress.All(e => e.GetProperty("eventId").GetInt32() == 1090 && e.GetProperty("rows").ValueKind == JsonValueKind.Number && e.GetProperty("rowsPerSecond").ValueKind == JsonValueKind.Number), Is.True);
    }

    [Test]
    public async Task A_short_seed_stays_quiet_by_default()
    {
        var migrate = await StagingSeed(null);

        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        Assert.That(migrate.StandardError, Does.Not.Contain("rows/s"));
    }
}
