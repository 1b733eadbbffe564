using Migrations.Testing;

namespace Migrations.Runner.Tests;

/// <summary>The runner's contract as a pipeline sees it: exit codes and one clear line per problem, on a SQLite file.</summary>
public sealed class CommandLineTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    private Task<RunnerProcess.Result> Run(params string[] args) => RunnerProcess.RunAsync(_work, null, args);

    private string Db => Path.Combine(_work, "widgets.db");

    private string[] Fixture(params string[] args) =>
        [.. args, "--assembly", RunnerProcess.FixturesDll, "--database", "widgets", "--connection", $"Data Source={Db}", "--environment", "Development"];

    [Test]
    public async Task Help_describes_every_command_and_its_options()
    {
        var root = await Run("--help");
        Assert.That(root.ExitCode, Is.Zero);
        Assert.That(root.StandardOutput, Does.Contain("migrate").And.Contain("rollback").And.Contain("status").And.Contain("validate").And.Contain("script").And.Contain("seed"));

        var rollback = await Run("rollback", "--help");
        Assert.That(rollback.ExitCode, Is.Zero);
        Assert.That(rollback.StandardOutput, Does.Contain("--steps").And.Contain("--to").And.Contain("--database").And.Contain("--lock-timeout").And.Contain("Undo the newest applied migration"));
    }

    [Test]
    public async Task Migrate_applies_everything_then_a_second_run_does_nothing()
    {
        var first = await Run(Fixture("migrate"));
        var second = await Run(Fixture("migrate"));

        Assert.That(first.ExitCode, Is.Zero, RunnerProcess.Describe(first));
        Assert.That(new[] { 1, 5 }.Select(v => RunnerProcess.StepLines(first, "widgets", "applied", v)), Is.EqualTo(new[] { 1, 1 }), RunnerProcess.Describe(first));
        Assert.That(first.StandardError, Does.Contain("create widget").And.Contain("final step"));
        Assert.That(second.ExitCode, Is.Zero, RunnerProcess.Describe(second));
        Assert.That(second.StandardError, Does.Contain("0 applied"));
        Assert.That(Enumerable.Range(1, 5).Sum(v => RunnerProcess.StepLines(second, "widgets", "applied", v)), Is.Zero, RunnerProcess.Describe(second));
    }

    [Test]
    public async Task Rollback_undoes_exactly_one_version_and_says_which()
    {
        await Run(Fixture("migrate"));

        var result = await Run(Fixture("rollback"));

        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        Assert.That(result.StandardOutput, Does.Contain("widgets: rolled back 5 final step"));
        var status = await Run(Fixture("status", "--json"));
        Assert.That(status.StandardOutput, Does.Contain("\"version\": 4").And.Contain("\"state\": \"pending\""));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(status.StandardOutput, "\"state\": \"applied\"").Count, Is.EqualTo(4));
    }

    [Test]
    public async Task Status_json_is_one_array_with_an_object_per_migration()
    {
        await Run(Fixture("migrate", "--target", "2"));

        var status = await Run(Fixture("status", "--json"));

        Assert.That(status.ExitCode, Is.Zero, RunnerProcess.Describe(status));
        using var json = System.Text.Json.JsonDocument.Parse(status.StandardOutput);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.That(rows.Select(r => r.GetProperty("version").GetInt64()), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
        Assert.That(rows.Select(r => r.GetProperty("state").GetString()), Is.EqualTo(new[] { "applied", "applied", "pending", "pending", "pending", "skipped" }));
        Assert.That(rows[5].GetProperty("tags")[0].GetString(), Is.EqualTo("Staging"));
        Assert.That(rows[0].GetProperty("database").GetString(), Is.EqualTo("widgets"));
        Assert.That(rows[0].GetProperty("appliedOn").GetString(), Is.Not.Null);
        Assert.That(rows[0].GetProperty("tags").GetArrayLength(), Is.Zero);
        Assert.That(rows[2].GetProperty("appliedOn").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task Status_and_rollback_follow_the_environment_and_the_journal()
    {
        string[] Staging(params string[] args) => [.. Fixture(args).SkipLast(2), "--environment", "Staging"];
        await Run(Fixture("migrate"));

        var development = await Run(Fixture("status"));
        var stagingBefore = await Run(Staging("status"));
        var migrateStaging = await Run(Staging("migrate"));
        var stagingAfter = await Run(Staging("status"));
        var rollbackInDevelopment = await Run(Fixture("rollback"));

        Assert.That(development.StandardOutput, Does.Match(@"6  not for this environment\s+staging load-test widgets \[Staging\]"));
        Assert.That(development.StandardOutput, Does.Match(@"1  applied\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  \S+\s+Development\s+create widget"));
        Assert.That(stagingBefore.StandardOutput, Does.Match(@"6  pending"));
        Assert.That(RunnerProcess.StepLines(migrateStaging, "widgets", "applied", 6), Is.EqualTo(1), RunnerProcess.Describe(migrateStaging));
        Assert.That(stagingAfter.StandardOutput, Does.Match(@"6  applied\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  \S+\s+Staging\s+staging load-test widgets \[Staging\]"));
        Assert.That(rollbackInDevelopment.ExitCode, Is.Zero, RunnerProcess.Describe(rollbackInDevelopment));
        Assert.That(rollbackInDevelopment.StandardOutput, Does.Contain("widgets: rolled back 6 staging load-test widgets"), "rollback undoes the newest migration applied, whatever this run's tags");
    }

    [Test]
    public async Task Migrate_logs_each_migration_skipped_for_its_tags()
    {
        var result = await Run(Fixture("migrate"));

        Assert.That(result.StandardError, Does.Match(@"widgets +skipped +6 +staging load-test widgets: for \[Staging\], this run is \[Development\]"));
    }

    [Test]
    public async Task Status_fails_on_pending_with_exit_3_only_when_asked()
    {
        await Run(Fixture("migrate", "--target", "3"));

        var plain = await Run(Fixture("status"));
        var gate = await Run(Fixture("status", "--fail-on-pending"));

        Assert.That(plain.ExitCode, Is.Zero);
        Assert.That(gate.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(gate));
        Assert.That(gate.StandardError, Does.Contain("error: 2 migration(s) pending: widgets 4, widgets 5"));
    }

    [Test]
    public async Task Validate_exits_3_when_an_applied_migration_was_edited()
    {
        await Run(Fixture("migrate"));
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "UPDATE \"VersionInfo\" SET \"Checksum\" = 'edited' WHERE \"Version\" = 2";
            command.ExecuteNonQuery();
        }

        var result = await Run(Fixture("validate"));

        Assert.That(result.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Does.Contain("2: AddColor was edited after it was applied"));
    }

    [Test]
    public async Task A_failing_migration_exits_1_with_one_line_naming_database_migration_statement_and_cause()
    {
        var result = await RunnerProcess.RunAsync(_work, new Dictionary<string, string> { ["FIXTURE_FAIL"] = "1" }, Fixture("migrate"));

        Assert.That(result.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(result));
        var line = result.StandardError.Split('\n').Single(l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.That(line, Does.Contain("widgets: migration 5: FinalStep failed in statement [INSERT INTO missing_table VALUES (1)]: ").And.Contain("no such table: missing_table"));
        var status = await Run(Fixture("status", "--json"));
        Assert.That(status.StandardOutput, Does.Contain("\"version\": 4,"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(status.StandardOutput, "\"state\": \"applied\"").Count, Is.EqualTo(4), "the database is at version 4");
    }

    [TestCase(new[] { "frobnicate" }, "frobnicate", TestName = "An unknown command exits 2")]
    [TestCase(new[] { "migrate", "--environment", "Qa" }, "Staging", TestName = "An unknown environment lists Staging among the known ones")]
    [TestCase(new[] { "migrate", "--colour", "red" }, "--colour", TestName = "An unknown option exits 2")]
    [TestCase(new[] { "rollback" }, "claims, filetrack, junkquote, clearway, workspace", TestName = "Rollback without a database exits 2 listing the names")]
    [TestCase(new[] { "migrate", "--database", "payroll" }, "unknown database 'payroll'", TestName = "An unknown database exits 2")]
    [TestCase(new[] { "migrate", "--environment", "Qa" }, "unknown environment 'Qa': configured environments are ", TestName = "An unknown environment exits 2 listing the known ones")]
    [TestCase(new[] { "migrate", "--database", "claims", "--provider", "postgres", "--connection", "Host=;Password=hunter22;;=", "--environment", "Production" }, "connection string", TestName = "A malformed connection string exits 2")]
    [TestCase(new[] { "migrate", "--database", "claims", "--connection", "Host=localhost;Password=x", "--provider", "postgres" }, "name the environment", TestName = "A connection without an environment exits 2")]
    [TestCase(new[] { "rollback", "--database", "claims", "--steps", "0" }, "--steps must be 1 or more", TestName = "Zero steps exits 2")]
    [TestCase(new[] { "migrate", "--environment", "Production", "--profile", "Development" }, "refusing to run the Development profile in Production", TestName = "A Development profile in Production is refused with exit 2")]
    [TestCase(new[] { "seed", "--environment", "Production", "--profile", "staging" }, "--force-seed", TestName = "A Staging seed in Production is refused with exit 2")]
    public async Task Usage_errors_exit_2_with_one_clear_line(string[] args, string expected)
    {
        var result = await Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
        var errors = result.StandardError.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
        Assert.That(errors, Has.Length.EqualTo(1), result.StandardError);
        Assert.That(errors[0], Does.Contain(expected));
        Assert.That(result.All, Does.Not.Contain("hunter22"));
    }

    [Test]
    public async Task An_unknown_target_version_exits_2()
    {
        var result = await Run(Fixture("migrate", "--target", "42"));

        Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Does.Contain("error: widgets: no migration has version 42"));
    }

    [Test]
    public async Task A_held_lock_makes_the_run_exit_4_after_the_lock_timeout()
    {
        await Run(Fixture("migrate", "--target", "1"));
        using var holder = new System.IO.FileStream(Db + ".migration-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var result = await Run(Fixture("migrate", "--lock-timeout", "1"));

        Assert.That(result.ExitCode, Is.EqualTo(4), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Does.Contain("another run holds the migration lock"));
    }

    [Test]
    public async Task Script_writes_sql_to_a_file_that_sqlite3_replays_into_the_schema_migrate_gives()
    {
        var scriptFile = Path.Combine(_work, "review.sql");
        var script = await Run(Fixture("script", "--out", scriptFile));
        Assert.That(script.ExitCode, Is.Zero, RunnerProcess.Describe(script));
        Assert.That(File.Exists(Db) ? new FileInfo(Db).Length : 0, Is.Zero, "script does not touch the database");

        using var replayed = TestDatabase.Create(Provider.Sqlite);
        var sqlite = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sqlite3", $"-bail \"{replayed.FilePath}\" \".read {scriptFile}\"") { RedirectStandardError = true })!;
        var error = await sqlite.StandardError.ReadToEndAsync();
        await sqlite.WaitForExitAsync();
        Assert.That(sqlite.ExitCode, Is.Zero, error);

        await Run(Fixture("migrate"));
        using var migrated = TestDatabase.Open(Provider.Sqlite, $"Data Source={Db};Pooling=False");
        Assert.That(SchemaSnapshot.Take(replayed), Is.EqualTo(SchemaSnapshot.Take(migrated)));
    }
}
