using System.Security.Cryptography;
using Migrations.Runner.Fixtures;
using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// The runner against a journal as another tool or an older version left it (issue 14, items 8
/// and 9): FluentMigrator's three columns, a column missing, text where a number belongs, a
/// version twice, a column it cannot fill, no journal at all. Read-only commands read what is
/// there and leave the table exactly as it was; writing commands upgrade it under the lock; a
/// value that means nothing is one line naming the row, exit 3, for every command, nothing changed.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class JournalFaultTests(Provider provider)
{
    private static readonly string[] ReadOnlyCommands = ["status", "validate"];

    private static readonly string[] OurColumns = ["Checksum", "DurationMs", "AppliedBy", "Environment", "Tags", "Baseline"];

    private static readonly string[] DroppableColumns = ["AppliedOn", "Description", .. OurColumns];

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

    private string JournalName => provider == Provider.Postgres ? "migrations.\"VersionInfo\"" : "\"VersionInfo\"";

    private Task<RunnerProcess.Result> Run(params string[] args) =>
        RunnerProcess.RunAsync(_work, null, [.. args, "--assembly", RunnerProcess.FixturesDll, "--database", "widgets",
            "--provider", provider == Provider.Postgres ? "postgres" : "sqlite", "--connection", _db.ConnectionString, "--environment", "Development", "--lock-timeout", "10"]);

    private async Task<RunnerProcess.Result> Succeeds(params string[] args)
    {
        var result = await Run(args);
        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        return result;
    }

    /// <summary>The journal (columns, indexes, rows) and, on SQLite, every byte of the file: what a read-only command must not change.</summary>
    private (IReadOnlyList<string> Journal, string? File) State(string schema = "migrations") =>
        (JournalSnapshot.Take(_db, schema), provider == Provider.Sqlite ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(_db.FilePath))) : null);

    /// <summary>Where FluentMigrator's own runner puts its journal: <c>public</c> on PostgreSQL (SQLite has one place).</summary>
    private string FluentMigratorsSchema => provider == Provider.Postgres ? "public" : "main";

    private string FluentMigratorsJournal => provider == Provider.Postgres ? "\"public\".\"VersionInfo\"" : "\"VersionInfo\"";

    private IReadOnlyList<long> FluentMigratorsVersions() =>
        _db.Query($"SELECT \"Version\" FROM {FluentMigratorsJournal} ORDER BY \"Version\"").Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>FluentMigrator 8.0.1's own runner, without our engine, migrates to <paramref name="version"/>.</summary>
    private void FluentMigratorMigratedTo(long version) =>
        PlainFluentMigrator.MigrateUp(_db, typeof(CreateWidget).Assembly, typeof(CreateWidget).Namespace, version);

    private static string ErrorLine(RunnerProcess.Result result)
    {
        var errors = result.StandardError.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
        Assert.That(errors, Has.Length.EqualTo(1), RunnerProcess.Describe(result));
        Assert.That(result.All, Does.Not.Contain("unexpected"), RunnerProcess.Describe(result));
        return errors[0].TrimEnd('\r');
    }

    /// <summary>Every command on a journal that cannot be used: exit 3, the one line, nothing changed.</summary>
    private async Task AssertEveryCommandRefusesAsync(string expectedLine)
    {
        var journal = State();
        var schema = SchemaSnapshot.Take(_db);

        string[] commands = ["status", "validate", "migrate", "rollback", "script"];
        var results = await Task.WhenAll(commands.Select(c => Run(c)));

        foreach (var (command, result) in commands.Zip(results))
        {
            Assert.That(result.ExitCode, Is.EqualTo(3), $"{command}: {RunnerProcess.Describe(result)}");
            Assert.That(ErrorLine(result), Is.EqualTo(expectedLine), command);
        }

        Assert.That(State(), Is.EqualTo(journal), "no command changed the journal");
        Assert.That(SchemaSnapshot.Take(_db), Is.EqualTo(schema), "no command changed the schema");
    }

    [Test]
    public async Task FluentMigrators_three_column_journal_is_read_where_it_is_unchanged_by_status_and_validate_and_upgraded_in_place_by_migrate()
    {
        FluentMigratorMigratedTo(2);
        var before = State(FluentMigratorsSchema);

        var status = await Succeeds("status");
        var json = await Succeeds("status", "--json");
        var validate = await Succeeds("validate");

        Assert.That(status.StandardOutput, Does.Match(@"\n\s+1  applied\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  unknown\s+create widget"));
        Assert.That(status.StandardOutput, Does.Match(@"\n\s+3\s+pending\s+first widget"));
        Assert.That(status.All + json.All + validate.All, Does.Not.Contain("no journal").And.Not.Contain("error"));
        Assert.That(validate.StandardError, Does.Match("widgets +the journal matches the code"));
        Assert.That(State(FluentMigratorsSchema), Is.EqualTo(before), "read-only commands left the journal byte for byte as it was");

        var migrate = await Succeeds("migrate");
        Assert.That(new[] { 1, 2, 3 }.Select(v => RunnerProcess.StepLines(migrate, "widgets", "applied", v)), Is.EqualTo(new[] { 0, 0, 1 }), "nothing FluentMigrator applied runs again");
        Assert.That(JournalSnapshot.Columns(_db, FluentMigratorsSchema), Is.EqualTo(new[] { "Version", "AppliedOn", "Description" }.Concat(OurColumns)));
        Assert.That(FluentMigratorsVersions(), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        if (provider == Provider.Postgres)
        {
            Assert.That(_db.Count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'migrations'"), Is.Zero, "upgraded in place: no second journal");
        }

        var rollback = await Succeeds("rollback", "--steps", "5", "--allow-data-loss");
        Assert.That(rollback.StandardOutput, Does.Contain("widgets: rolled back 1 create widget"));
        Assert.That(FluentMigratorsVersions(), Is.Empty);
    }

    [Test]
    public async Task Rollback_on_a_three_column_journal_undoes_what_FluentMigrator_applied()
    {
        FluentMigratorMigratedTo(2);

        var rollback = await Succeeds("rollback");

        Assert.That(rollback.StandardOutput, Does.Contain("widgets: rolled back 2 add widget.color"));
        Assert.That(FluentMigratorsVersions(), Is.EqualTo(new long[] { 1 }));
    }

    [TestCaseSource(nameof(DroppableColumns))]
    public async Task A_journal_missing_a_column_is_read_unchanged_and_migrate_adds_it(string column)
    {
        await Succeeds("migrate", "--target", "3");
        _db.Execute($"ALTER TABLE {_db.Journal} DROP COLUMN {TestDatabase.Q(column)}");
        var before = State();

        var results = await Task.WhenAll(ReadOnlyCommands.Select(c => Run(c)));

        foreach (var result in results)
        {
            Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
            Assert.That(result.All, Does.Not.Contain("no such column").And.Not.Contain("does not exist").And.Not.Contain("unexpected"));
        }

        Assert.That(results[0].StandardOutput, Does.Match(@"\n\s+3  (applied|edited)\s+.*first widget"));
        if (column == "AppliedOn")
        {
            Assert.That(results[0].StandardOutput, Does.Match(@"\n\s+3  \S+\s+unknown  "), "no half-printed time");
        }

        Assert.That(State(), Is.EqualTo(before), "status and validate never alter the journal");

        await Succeeds("migrate");
        Assert.That(JournalSnapshot.Columns(_db), Does.Contain(column));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
    }

    [TestCase("Version", "'abc'", "journal row 2 of {0} has Version 'abc', not a number; fix or delete that row")]
    [TestCase("DurationMs", "'x'", "journal row 1 (version 1) of {0} has DurationMs 'x', not a number; fix or delete that row")]
    [TestCase("AppliedOn", "'yesterday'", "journal row 1 (version 1) of {0} has AppliedOn 'yesterday', not a date and time; fix or delete that row")]
    public async Task Text_where_a_value_belongs_is_one_line_naming_the_row_for_every_command(string column, string value, string message)
    {
        await Succeeds("migrate", "--target", "1");
        if (provider == Provider.Postgres)
        {
            // SQLite's columns take any text; on PostgreSQL another tool would have made the column text.
            _db.Execute($"ALTER TABLE {_db.Journal} ALTER COLUMN {TestDatabase.Q(column)} TYPE text");
        }

        _db.Execute(column == "Version"
            ? $"INSERT INTO {_db.Journal} (\"Version\", \"Description\") VALUES ({value}, 'from another tool')"
            : $"UPDATE {_db.Journal} SET {TestDatabase.Q(column)} = {value}");

        await AssertEveryCommandRefusesAsync("error: widgets: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, JournalName));
    }

    [Test]
    public async Task A_version_recorded_twice_is_one_line_naming_both_rows_for_every_command()
    {
        await Succeeds("migrate", "--target", "2");
        _db.Execute(provider == Provider.Postgres ? "DROP INDEX \"migrations\".\"UC_Version\"" : "DROP INDEX \"UC_Version\"");
        _db.Execute($"INSERT INTO {_db.Journal} (\"Version\", \"Description\") VALUES (2, 'again')");

        await AssertEveryCommandRefusesAsync($"error: widgets: journal rows 2 and 3 of {JournalName} both record version 2; keep one of them and delete the others");
    }

    [Test]
    public async Task A_column_the_runner_cannot_fill_stops_migrate_before_anything_runs_while_status_still_reads()
    {
        await Succeeds("migrate", "--target", "1");
        _db.Execute(provider == Provider.Postgres
            ? $"ALTER TABLE {_db.Journal} ADD COLUMN \"Ticket\" text; UPDATE {_db.Journal} SET \"Ticket\" = 'T-1'; ALTER TABLE {_db.Journal} ALTER COLUMN \"Ticket\" SET NOT NULL"
            : """
              CREATE TABLE "Copy" AS SELECT *, 'T-1' AS "Ticket" FROM "VersionInfo";
              DROP TABLE "VersionInfo";
              CREATE TABLE "VersionInfo" ("Version" INTEGER NOT NULL, "AppliedOn" DATETIME, "Description" TEXT, "Checksum" TEXT, "DurationMs" INTEGER, "AppliedBy" TEXT, "Environment" TEXT, "Tags" TEXT, "Baseline" TEXT, "Ticket" TEXT NOT NULL);
              INSERT INTO "VersionInfo" SELECT * FROM "Copy";
              DROP TABLE "Copy";
              CREATE UNIQUE INDEX "UC_Version" ON "VersionInfo" ("Version");
              """);
        var schema = SchemaSnapshot.Take(_db);

        await Succeeds("status");
        var migrate = await Run("migrate");

        Assert.That(migrate.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(migrate));
        Assert.That(ErrorLine(migrate), Is.EqualTo(
            $"error: widgets: {JournalName} has column(s) \"Ticket\" NOT NULL without a default, which the runner cannot fill when it records a migration; give them a default or allow NULL; nothing was changed"));
        Assert.That(SchemaSnapshot.Take(_db), Is.EqualTo(schema));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task Status_on_a_database_whose_journal_was_dropped_says_so_and_lists_everything_pending()
    {
        await Succeeds("migrate");
        _db.Execute($"DROP TABLE {_db.Journal}");

        var status = await Succeeds("status");
        var json = await Succeeds("status", "--json");

        Assert.That(status.StandardOutput, Does.StartWith($"widgets: no migration applied; 0 applied, 5 pending, 1 skipped; no journal ({JournalName} does not exist): nothing recorded as applied, every migration pending"));
        Assert.That(status.StandardOutput, Does.Not.Contain(" applied  "));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(status.StandardOutput, @"^\s+\d+\s+pending\s", System.Text.RegularExpressions.RegexOptions.Multiline).Count, Is.EqualTo(5));
        Assert.That(json.StandardError, Does.Contain($"warning: there is no journal ({JournalName} does not exist)"));
        Assert.That(json.StandardOutput, Does.Not.Contain("\"applied\""));
        Assert.That(SchemaSnapshot.Tables(_db), Does.Contain("widget"), "status created nothing");
        Assert.That(Harness.JournalVersions(_db), Is.Empty, "status did not create the journal");
    }
}
