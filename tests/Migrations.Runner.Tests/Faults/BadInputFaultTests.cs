using System.Diagnostics;
using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// Bad input and honest previews through the real runner (issue 14, items 10, 12, 14 and 15), on
/// SQLite files: every mistake a user can make is one line <c>error: ...</c> naming what is wrong,
/// the documented exit code, and nothing changed; never "unexpected &lt;ExceptionType&gt;".
/// </summary>
public sealed class BadInputFaultTests
{
    private readonly TmpfsMounts _mounts = new();
    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    [OneTimeTearDown]
    public void Unmount() => _mounts.Dispose();

    private string Db => Path.Combine(_work, "widgets.db");

    private string LedgerDb => Path.Combine(_work, "ledger.db");

    private string[] Widgets(string environment, params string[] args) =>
        [.. args, .. args.Contains("--assembly") ? Array.Empty<string>() : ["--assembly", RunnerProcess.FixturesDll],
            "--database", "widgets", "--connection", $"Data Source={Db}", "--environment", environment];

    private string[] Ledger(params string[] args) =>
        [.. args, "--assembly", RunnerProcess.LedgerDll, "--database", "ledger", "--connection", $"Data Source={LedgerDb}", "--environment", "Development"];

    private Task<RunnerProcess.Result> Run(params string[] args) => RunnerProcess.RunAsync(_work, null, args);

    private IReadOnlyList<long> Journal(string file) => Harness.JournalVersions(TestDatabase.Open(Provider.Sqlite, $"Data Source={file};Pooling=False"));

    [TestCase(new[] { "migrate", "--provider", "mysql" }, "error: --provider: 'mysql' is not one of postgres, sqlite", TestName = "An unknown provider is one line naming --provider")]
    [TestCase(new[] { "migrate", "--log-format", "xml" }, "error: --log-format: 'xml' is not one of text, json", TestName = "An unknown log format is one line naming --log-format")]
    [TestCase(new[] { "migrate", "--backup", "" }, "error: --backup needs a value", TestName = "An empty --backup names the option")]
    [TestCase(new[] { "migrate", "--assembly", "" }, "error: --assembly needs a value", TestName = "An empty --assembly names the option")]
    [TestCase(new[] { "script", "--out", " " }, "error: --out needs a value", TestName = "An empty --out names the option")]
    [TestCase(new[] { "migrate", "--tag", "" }, "error: --tag needs a value", TestName = "An empty --tag names the option")]
    [TestCase(new[] { "migrate", "--lock-timeout", "-1" }, "error: --lock-timeout must be 0 or more seconds (not -1)", TestName = "A negative lock timeout is refused naming the option")]
    [TestCase(new[] { "status", "--lock-timeout", "soon" }, "error: Cannot parse argument 'soon' for option '--lock-timeout' as a whole number", TestName = "A lock timeout that is not a number is one line")]
    public async Task A_bad_option_value_is_one_line_exit_2_and_touches_nothing(string[] args, string expected)
    {
        var result = await Run(Widgets("Development", args));

        Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
        Assert.That(result.StandardError.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "exactly one line: " + result.StandardError);
        Assert.That(result.StandardError, Does.StartWith(expected));
        AssertNoUnexpected(result);
        Assert.That(Directory.GetFileSystemEntries(_work), Is.Empty, "nothing was created");
    }

    [Test]
    public async Task A_negative_lock_timeout_in_configuration_is_refused_naming_the_setting()
    {
        var result = await RunnerProcess.RunAsync(_work, new Dictionary<string, string> { ["Migrations__LockTimeoutSeconds"] = "-5" }, Widgets("Development", "migrate"));

        Assert.That(OneErrorLine(result, exitCode: 2), Does.Contain("Migrations:LockTimeoutSeconds must be 0 or more seconds (it is -5)"));
        Assert.That(File.Exists(Db), Is.False, "nothing ran");
    }

    [Test]
    public async Task An_environment_name_longer_than_the_journal_column_is_refused_before_anything_runs()
    {
        var name = new string('e', 65);
        var result = await RunnerProcess.RunAsync(_work, new Dictionary<string, string> { [$"Migrations__Environments__{name}__Tags__0"] = "Long" }, Widgets(name, "migrate"));

        Assert.That(OneErrorLine(result, exitCode: 2), Does.Contain("takes 65 characters; the journal's Environment column holds 64"));
        Assert.That(File.Exists(Db), Is.False, "nothing ran");
    }

    // Item 10: a preview says what it would do, never that it did.
    [Test]
    public async Task Script_in_production_says_would_apply_and_never_applied()
    {
        await Run(Widgets("Development", "migrate", "--target", "2"));

        var script = await Run(Widgets("Production", "script", "--out", Path.Combine(_work, "review.sql")));

        Assert.That(script.ExitCode, Is.Zero, RunnerProcess.Describe(script));
        Assert.That(script.StandardError, Does.Match(@"widgets +would apply +3 +first widget \(preview, nothing changed\)").And.Match("widgets +would apply +5 +final step"));
        Assert.That(script.All, Does.Not.Contain("widgets: applied"));
        Assert.That(Journal(Db), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public async Task Rollback_dry_run_says_would_roll_back_and_rolls_nothing_back()
    {
        await Run(Widgets("Development", "migrate"));

        var preview = await Run(Widgets("Development", "rollback", "--dry-run", "--steps", "2"));

        Assert.That(preview.ExitCode, Is.Zero, RunnerProcess.Describe(preview));
        Assert.That(preview.StandardError, Does.Match("widgets +would roll back +5 +final step").And.Match("widgets +would roll back +4 +slow step"));
        Assert.That(preview.All, Does.Not.Contain("rolled back"));
        Assert.That(preview.StandardOutput, Does.Contain("DROP TABLE \"final\""));
        Assert.That(Journal(Db), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task Script_out_replaces_the_file_whole_on_every_run()
    {
        var file = Path.Combine(_work, "review.sql");
        await File.WriteAllLinesAsync(file, Enumerable.Repeat("-- an older review", 500));

        var first = await Run(Widgets("Development", "script", "--out", file));
        var firstLines = await File.ReadAllLinesAsync(file);
        var second = await Run(Widgets("Development", "script", "--out", file));
        var secondLines = await File.ReadAllLinesAsync(file);

        Assert.That(first.ExitCode, Is.Zero, RunnerProcess.Describe(first));
        Assert.That(second.ExitCode, Is.Zero, RunnerProcess.Describe(second));
        Assert.That(firstLines, Has.None.EqualTo("-- an older review"));
        Assert.That(secondLines, Has.Length.EqualTo(firstLines.Length), "the second run replaced the first one's script, it did not add to it");
        Assert.That(Directory.GetFiles(_work).Where(f => f != file && f != Db), Is.Empty, "no temporary file left beside it");
    }

    [Test]
    public async Task A_script_that_fails_leaves_the_previous_out_file_as_it_was()
    {
        var file = Path.Combine(_work, "review.sql");
        await File.WriteAllTextAsync(file, "-- yesterday's reviewed script\n");

        var failed = await RunnerProcess.RunAsync(_work, new Dictionary<string, string> { ["FIXTURE_FAIL"] = "1" }, Widgets("Development", "script", "--out", file));

        Assert.That(OneErrorLine(failed, exitCode: 1), Does.Contain("FinalStep failed"));
        Assert.That(await File.ReadAllTextAsync(file), Is.EqualTo("-- yesterday's reviewed script\n"));
    }

    [Test]
    public async Task Script_out_into_a_full_place_is_refused_and_leaves_the_previous_file_as_it_was()
    {
        var full = _mounts.Full(freeKilobytes: 0, keep: ("review.sql", "-- yesterday's reviewed script\n"));
        var file = Path.Combine(full, "review.sql");

        // Storefront's script is larger than the page the old file frees: a write in place would fail halfway.
        var result = await Run("script", "--assembly", RunnerProcess.StorefrontDll, "--database", "storefront", "--connection", $"Data Source={Db}", "--environment", "Development", "--out", file);

        Assert.That(OneErrorLine(result, exitCode: 2), Does.Contain($"--out: cannot write into {full}: No space left on device"));
        Assert.That(await File.ReadAllTextAsync(file), Is.EqualTo("-- yesterday's reviewed script\n"));
        Assert.That(Directory.GetFiles(full).Select(Path.GetFileName), Is.EquivalentTo(new[] { TmpfsMount.BallastName, "review.sql" }));
    }

    [Test]
    public async Task Script_out_naming_a_directory_is_one_line_exit_2()
    {
        var result = await Run(Widgets("Development", "script", "--out", _work));

        Assert.That(OneErrorLine(result, exitCode: 2), Does.Contain($"--out: {_work} is a directory, not a file"));
        Assert.That(File.Exists(Db), Is.False);
    }

    // Item 12 (JournalCheckOptionTests has migrate's out-of-order and missing cases): script plans as migrate does, and a breaking change.
    [Test]
    public async Task An_out_of_order_hotfix_stops_migrate_and_script_with_exit_3_until_allowed()
    {
        await Run(Ledger("migrate"));

        var refused = await Run(Ledger("migrate", "--tag", "Hotfix"));
        var scriptRefused = await Run(Ledger("script", "--tag", "Hotfix"));
        var script = await Run(Ledger("script", "--tag", "Hotfix", "--allow-out-of-order"));
        Assert.That(Journal(LedgerDb), Is.EqualTo(new long[] { 10, 30 }), "refused runs and scripts change nothing");
        var allowed = await Run(Ledger("migrate", "--tag", "Hotfix", "--allow-out-of-order"));

        Assert.That(OneErrorLine(refused, exitCode: 3), Does.Contain("20: HotfixLedgerIndex pending but older than the newest applied version 30").And.Contain("--allow-out-of-order"));
        Assert.That(OneErrorLine(scriptRefused, exitCode: 3), Does.Contain("--allow-out-of-order"));
        Assert.That(script.ExitCode, Is.Zero, RunnerProcess.Describe(script));
        Assert.That(script.StandardOutput, Does.Contain("ix_ledger_amount"));
        Assert.That(allowed.ExitCode, Is.Zero, RunnerProcess.Describe(allowed));
        Assert.That(RunnerProcess.StepLines(allowed, "ledger", "applied", 20), Is.EqualTo(1), RunnerProcess.Describe(allowed));
        Assert.That(allowed.StandardError, Does.Contain("hotfix: index ledger amounts"));
        Assert.That(Journal(LedgerDb), Is.EqualTo(new long[] { 10, 20, 30 }));
    }

    [Test]
    public async Task A_breaking_change_stops_migrate_with_exit_3_until_allowed()
    {
        await Run(Ledger("migrate"));

        var refused = await Run(Ledger("migrate", "--tag", "Breaking"));
        Assert.That(Journal(LedgerDb), Is.EqualTo(new long[] { 10, 30 }));
        var allowed = await Run(Ledger("migrate", "--tag", "Breaking", "--allow-breaking-change"));

        Assert.That(OneErrorLine(refused, exitCode: 3), Does.Contain("40: DropLedgerNote is marked as a breaking change").And.Contain("--allow-breaking-change"));
        Assert.That(allowed.ExitCode, Is.Zero, RunnerProcess.Describe(allowed));
        Assert.That(Journal(LedgerDb), Is.EqualTo(new long[] { 10, 30, 40 }));
    }

    // Item 14: a long provider message may be shortened, but the advice at its end survives.
    [Test]
    public async Task A_long_failure_keeps_its_advice_at_the_end_of_the_line()
    {
        await Run(Ledger("migrate"));

        var result = await Run(Ledger("migrate", "--tag", "Orphans"));

        var line = OneErrorLine(result, exitCode: 1);
        Assert.That(line, Does.Contain("ledger: migration 50: OrphanedLedgerLines failed").And.Contain("6 foreign key violation(s)"));
        Assert.That(line, Does.EndWith("delete or update dependent rows explicitly, or move the data change to its own migration"));
        Assert.That(Journal(LedgerDb), Is.EqualTo(new long[] { 10, 30 }));
    }

    internal static string OneErrorLine(RunnerProcess.Result result, int exitCode)
    {
        Assert.That(result.ExitCode, Is.EqualTo(exitCode), RunnerProcess.Describe(result));
        AssertNoUnexpected(result);
        var errors = result.StandardError.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
        Assert.That(errors, Has.Length.EqualTo(1), result.StandardError);
        return errors[0].TrimEnd();
    }

    // Item 15: nothing a user can cause reaches them as an exception type.
    internal static void AssertNoUnexpected(RunnerProcess.Result result)
    {
        Assert.That(result.All, Does.Not.Contain("unexpected ").And.Not.Contain("Unhandled exception"), RunnerProcess.Describe(result));
        Assert.That(result.StandardError.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)), Has.None.Contain("Exception"), RunnerProcess.Describe(result));
    }
}

/// <summary>
/// Bad input that reaches a database, on both providers (issue 14, items 11 and 14): an unusable
/// backup place stops the run before anything changed, a failed backup leaves no partial file,
/// a tag too long for the journal is refused up front, and outside Development a database
/// without a connection string is an error, not a local SQLite file.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class BadInputProviderFaultTests(Provider provider)
{
    private readonly TmpfsMounts _mounts = new();
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

    [OneTimeTearDown]
    public void Unmount() => _mounts.Dispose();

    private string ProviderName => provider == Provider.Postgres ? "postgres" : "sqlite";

    private string[] Widgets(params string[] args) =>
        [.. args, "--assembly", RunnerProcess.FixturesDll, "--database", "widgets", "--provider", ProviderName, "--connection", _db.ConnectionString, "--environment", "Production"];

    private Task<RunnerProcess.Result> Run(params string[] args) => RunnerProcess.RunAsync(_work, null, args);

    private void AssertNothingChanged()
    {
        Assert.That(Harness.JournalVersions(_db), Is.Empty, "no migration ran");
        Assert.That(SchemaSnapshot.Tables(_db), Has.None.EqualTo("widget"));
    }

    [Test]
    public async Task A_backup_into_a_missing_directory_creates_it()
    {
        var backups = Path.Combine(_work, "not", "there", "yet");

        var result = await Run(Widgets("migrate", "--backup", backups));

        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        Assert.That(Directory.GetFiles(backups), Has.Length.EqualTo(1));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
    }

    [TestCase("a file")]
    [TestCase("below a file")]
    [TestCase("read-only")]
    [TestCase("below read-only")]
    [TestCase("full")]
    public async Task A_backup_place_that_cannot_take_a_file_stops_the_run_before_anything_changed(string place)
    {
        var (backups, reason) = place switch
        {
            "a file" => (Touch(Path.Combine(_work, "backups")), "is a file, not a directory"),
            "below a file" => (Path.Combine(Touch(Path.Combine(_work, "backups")), "widgets"), $"{Path.Combine(_work, "backups")} is a file"),
            "read-only" => (_mounts.ReadOnly(), "Read-only file system"),
            "below read-only" => (Path.Combine(_mounts.ReadOnly(), "widgets"), "Read-only file system"),
            _ => (_mounts.Full(freeKilobytes: 0), "No space left on device"),
        };

        var result = await Run(Widgets("migrate", "--backup", backups));

        var line = BadInputFaultTests.OneErrorLine(result, exitCode: 2);
        Assert.That(line, Does.StartWith("error: --backup: ").And.Contain(backups).And.Contain(reason));
        AssertNothingChanged();
    }

    [Test]
    public async Task A_backup_that_runs_out_of_room_halfway_leaves_no_partial_file_and_changes_nothing()
    {
        // Enough room for the place check, not for the backup of a database with some rows in it.
        _db.Execute(provider == Provider.Postgres
            ? "CREATE TABLE ballast AS SELECT g AS id, md5(g::text) || md5((g * 7)::text) AS filler FROM generate_series(1, 3000) g"
            : "CREATE TABLE ballast AS WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 3000) SELECT n AS id, hex(randomblob(32)) AS filler FROM g");
        var backups = _mounts.Full(freeKilobytes: 12);

        var result = await Run(Widgets("migrate", "--backup", backups));

        var line = BadInputFaultTests.OneErrorLine(result, exitCode: 1);
        Assert.That(line, Does.StartWith("error: widgets: ").And.Contain("the run stopped before this database was changed"));
        Assert.That(line, Does.Contain(provider == Provider.Postgres ? "No space left on device" : "database or disk is full"));
        Assert.That(Directory.GetFiles(backups).Select(Path.GetFileName), Is.EqualTo(new[] { TmpfsMount.BallastName }), "the partial backup was removed");
        AssertNothingChanged();
    }

    [Test]
    public async Task A_tag_longer_than_the_journal_column_is_refused_before_anything_runs()
    {
        var result = await Run(Widgets("migrate", "--backup", Path.Combine(_work, "backups"), "--tag", "Production", "--tag", new string('t', 1100)));

        Assert.That(BadInputFaultTests.OneErrorLine(result, exitCode: 2),
            Does.Contain("--tag: the run's tags take 1111 characters in the journal's Tags column, which holds 1024"));
        AssertNothingChanged();
    }

    // Item 11: outside Development a database without a connection string is an error, not a SQLite file under data/.
    [Test]
    public async Task Production_with_one_connection_string_names_the_databases_without_one_and_changes_nothing()
    {
        var result = await RunnerProcess.RunAsync(_work, new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__junkquote"] = _db.ConnectionString,
        }, "migrate", "--backup", Path.Combine(_work, "backups"));

        var line = BadInputFaultTests.OneErrorLine(result, exitCode: 2);
        Assert.That(line, Does.Contain("no connection string in Production for claims, filetrack, clearway, workspace"));
        Assert.That(line, Does.Contain("ConnectionStrings__<database>").And.Contain("--connection").And.Contain("Migrations__Databases__<database>__Skip=true"));
        Assert.That(Directory.Exists(Path.Combine(_work, "data")), Is.False, "no local SQLite files stand in for the missing databases");
        Assert.That(Harness.JournalVersions(_db), Is.Empty, "junkquote was not migrated either");
    }

    [Test]
    public async Task Production_runs_the_configured_database_and_logs_the_ones_configured_to_be_skipped()
    {
        var environment = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["ConnectionStrings__junkquote"] = _db.ConnectionString };
        foreach (var skipped in new[] { "claims", "filetrack", "clearway", "workspace" })
        {
            environment[$"Migrations__Databases__{skipped}__Skip"] = "true";
        }

        var result = await RunnerProcess.RunAsync(_work, environment, "migrate", "--backup", Path.Combine(_work, "backups"));

        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        foreach (var skipped in new[] { "claims", "filetrack", "clearway", "workspace" })
        {
            Assert.That(result.StandardError, Does.Match($"{skipped} +skipped, Migrations:Databases:{skipped}:Skip is true"));
            Assert.That(result.StandardError, Does.Not.Contain($"{skipped}: migrate on"));
        }

        Assert.That(result.StandardError, Does.Match("junkquote +done in"));
        Assert.That(Harness.JournalVersions(_db), Has.Count.EqualTo(3));
        Assert.That(Directory.Exists(Path.Combine(_work, "data")), Is.False);
    }

    private static string Touch(string path)
    {
        File.WriteAllText(path, "not a directory");
        return path;
    }
}
