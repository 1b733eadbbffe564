using System.Text.RegularExpressions;

namespace Migrations.Runner.Tests;

/// <summary>
/// Issue 17: the exact shape of what people and log pipelines read (the text log of a migrate,
/// <c>status</c>, a JSON log), compared with the approved files in Approved/ after the parts that
/// change from run to run (times, durations, run ids, paths) are replaced by placeholders. A change
/// of shape fails here; when it is meant, the test writes the new text beside the approved file
/// (<c>*.received.*</c>) to be reviewed and copied over it.
/// </summary>
public sealed partial class OutputApprovalTests
{
    private static readonly Dictionary<string, string> Who = new() { ["MIGRATIONS_APPLIED_BY"] = "release@ci", ["MIGRATIONS_RUN_ID"] = "" };

    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    private Task<RunnerProcess.Result> Widgets(params string[] args) =>
        RunnerProcess.RunAsync(_work, Who, [.. args, "--assembly", RunnerProcess.FixturesDll, "--database", "widgets", "--connection", "Data Source=widgets.db", "--environment", "Development"]);

    [Test]
    public async Task A_migrate_logs_one_aligned_line_per_step_in_the_order_things_happen()
    {
        var migrate = await Widgets("migrate");

        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        AssertApproved("migrate-log.txt", Normalise(migrate.StandardError));
    }

    [Test]
    public async Task Status_shows_a_header_with_counts_and_aligned_columns_and_flags_an_edited_migration()
    {
        await Widgets("migrate", "--target", "3");
        using (var db = Migrations.Testing.TestDatabase.Open(Migrations.Testing.Provider.Sqlite, $"Data Source={Path.Combine(_work, "widgets.db")};Pooling=False"))
        {
            db.Execute("UPDATE \"VersionInfo\" SET \"Checksum\" = 'edited' WHERE \"Version\" = 2");
        }

        var status = await Widgets("status");

        Assert.That(status.ExitCode, Is.Zero, RunnerProcess.Describe(status));
        AssertApproved("status.txt", Normalise(status.StandardOutput));
    }

    [Test]
    public async Task A_json_log_is_one_object_per_line_ending_with_the_error_and_the_exit_code()
    {
        await Widgets("migrate");
        var refused = await Widgets("rollback", "--to", "0", "--log-format", "json");

        Assert.That(refused.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(refused));
        Assert.That(refused.StandardOutput, Is.Empty, "with JSON logs standard output carries no text");
        var lines = refused.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("runId").GetString()).Distinct().Count(), Is.EqualTo(1), "one run id on every line");
        AssertApproved("rollback-refused-log.jsonl", Normalise(refused.StandardError));
    }

    private string Normalise(string text)
    {
        text = text.Replace(_work, "<work>", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal);
        text = Timestamp().Replace(text, "<timestamp>");
        text = Time().Replace(text, "hh:mm:ss");
        text = Date().Replace(text, "YYYY-MM-DD hh:mm:ss");
        text = Milliseconds().Replace(text, m => "N ms".PadLeft(m.Length));
        text = Seconds().Replace(text, "done in N s");
        text = JsonNumber().Replace(text, "\"$1\":0");
        return RunId().Replace(text, "\"runId\":\"<run>\"");
    }

    private static void AssertApproved(string name, string received)
    {
        var approved = Path.Combine(RunnerProcess.RepositoryRoot, "tests", "Migrations.Runner.Tests", "Approved", name);
        var receivedPath = Path.Combine(Path.GetDirectoryName(approved)!, Path.GetFileNameWithoutExtension(name) + ".received" + Path.GetExtension(name));
        var expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected != received)
        {
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"{name} changed shape (or is new); the output is in {receivedPath}: review it, then copy it over {approved}\n{received}");
        }

        File.Delete(receivedPath);
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"(?m)^\d\d:\d\d:\d\d")]
    private static partial Regex Time();

    [GeneratedRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")]
    private static partial Regex Date();

    [GeneratedRegex(@" *\d+ ms")]
    private static partial Regex Milliseconds();

    [GeneratedRegex(@"done in \d+\.\d s")]
    private static partial Regex Seconds();

    [GeneratedRegex(@"""(durationMs|seconds)"":[0-9.]+")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"""runId"":""[0-9a-f]+""")]
    private static partial Regex RunId();
}
