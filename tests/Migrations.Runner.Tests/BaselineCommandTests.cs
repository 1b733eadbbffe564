using System.Text.Json;
using Migrations.Testing;

namespace Migrations.Runner.Tests;

/// <summary>
/// <c>baseline</c> through the runner process, on junkquote (issue 15, items 1, 2 and 5): a live
/// database another tool made is verified against each version of the migrations, the newest
/// match is recorded with its evidence, and nothing is recorded on trust.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class BaselineCommandTests(Provider provider)
{
    private const long Baseline = 202511090000;
    private const long Batch1 = 202511100000;
    private const long Batch2 = 202511110000;

    private TestDatabase _db = null!;
    private string _work = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _work = RunnerProcess.TempDirectory();
        _db = TestDatabase.Create(provider, "baseline");
    }

    [TearDown]
    public void DropDatabase()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private Task<RunnerProcess.Result> Junkquote(params string[] args) =>
        RunnerProcess.RunAsync(_work, null, [.. args, "--database", "junkquote", "--provider", provider == Provider.Postgres ? "postgres" : "sqlite",
            "--connection", _db.ConnectionString, "--environment", "Development"]);

    /// <summary>The database as another tool left it: the schema of <paramref name="version"/>, its rows, no journal of ours; and Prisma's journal.</summary>
    private async Task MadeByPrismaAtAsync(long version, params string[] prismaEntries)
    {
        var migrate = await Junkquote("migrate", "--target", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        _db.Execute(provider == Provider.Postgres ? "DROP SCHEMA migrations CASCADE" : "DROP TABLE \"VersionInfo\"");
        _db.Execute($"""
            CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at {Timestamp}, migration_name varchar(255) NOT NULL,
                logs text, rolled_back_at {Timestamp}, started_at {Timestamp} NOT NULL DEFAULT CURRENT_TIMESTAMP, applied_steps_count integer NOT NULL DEFAULT 0)
            """);
        var id = 0;
        foreach (var entry in prismaEntries)
        {
            _db.Execute($"INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('{++id}', 'c{id}', '2025-11-10 10:00:00', '{entry}', 1)");
        }
    }

    private string Timestamp => provider == Provider.Postgres ? "timestamptz" : "TEXT";

    private bool JournalExists => provider == Provider.Postgres
        ? _db.Count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'migrations' AND table_name = 'VersionInfo'") > 0
        : _db.Count("SELECT count(*) FROM sqlite_master WHERE name = 'VersionInfo'") > 0;

    private string PrismaRows => string.Join("\n", _db.Query("SELECT * FROM _prisma_migrations ORDER BY id").Select(r => string.Join("|", r)));

    [Test]
    public async Task A_database_at_the_newest_version_is_recorded_with_its_evidence_and_prismas_journal_is_left_as_it_was()
    {
        await MadeByPrismaAtAsync(Batch2, "20251110_add_memory_entities", "20251201_hand_fix");
        var prismaBefore = PrismaRows;

        var baseline = await Junkquote("baseline");

        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        Assert.That(baseline.StandardOutput, Does.Contain($"public._prisma_migrations entry 20251110_add_memory_entities is {Batch1}: Batch1AddMemoryEntities".Replace("public.", provider == Provider.Postgres ? "public." : "", StringComparison.Ordinal)));
        Assert.That(baseline.StandardOutput, Does.Contain("entry 20251201_hand_fix maps to no migration"));
        Assert.That(baseline.StandardOutput, Does.Contain($"recorded {Baseline}: Baseline (live schema matched version {Batch2}"));
        Assert.That(baseline.StandardOutput, Does.Match($"recorded {Batch1}: Batch1AddMemoryEntities \\(live schema matched version {Batch2} \\(\\d+ objects\\); (public\\.)?_prisma_migrations: 20251110_add_memory_entities\\)"));
        Assert.That(_db.Query($"SELECT \"Version\", \"Baseline\" FROM {_db.Journal} ORDER BY \"Version\"").Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(new[] { Baseline, Batch1, Batch2 }));
        Assert.That(_db.Count($"SELECT count(*) FROM {_db.Journal} WHERE \"Baseline\" LIKE 'live schema matched version {Batch2}%'"), Is.EqualTo(3));
        Assert.That(PrismaRows, Is.EqualTo(prismaBefore), "the old journal is never modified");

        var status = await Junkquote("status");
        Assert.That(status.StandardOutput, Does.Contain($"{Batch1}  baselined"));
        var statusJson = await Junkquote("status", "--json");
        using var json = JsonDocument.Parse(statusJson.StandardOutput);
        Assert.That(json.RootElement.EnumerateArray().All(m => m.GetProperty("baseline").GetString()!.StartsWith("live schema matched", StringComparison.Ordinal)), Is.True);
        var validate = await Junkquote("validate");
        Assert.That(validate.ExitCode, Is.Zero, RunnerProcess.Describe(validate));
        var drift = await Junkquote("drift");
        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));
    }

    [Test]
    public async Task An_older_database_is_recorded_up_to_its_version_and_migrate_applies_the_rest_over_its_rows()
    {
        await MadeByPrismaAtAsync(Baseline);
        var leads = _db.Count("SELECT count(*) FROM \"Lead\"");

        var baseline = await Junkquote("baseline");
        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        Assert.That(_db.Count($"SELECT count(*) FROM {_db.Journal}"), Is.EqualTo(1));

        var migrate = await Junkquote("migrate");
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        Assert.That(_db.Count($"SELECT count(*) FROM {_db.Journal}"), Is.EqualTo(3));
        Assert.That(_db.Count("SELECT count(*) FROM \"Lead\""), Is.GreaterThanOrEqualTo(leads), "the live rows stayed");

        // Rolling back across the baselined migration follows its Down() as usual.
        var rollback = await Junkquote("rollback", "--to", "0", "--allow-data-loss");
        Assert.That(rollback.ExitCode, Is.Zero, RunnerProcess.Describe(rollback));
        Assert.That(SchemaSnapshot.Tables(_db), Is.Empty.Or.EqualTo(new[] { "_prisma_migrations" }));
    }

    [Test]
    public async Task A_dry_run_prints_the_rows_and_writes_nothing()
    {
        await MadeByPrismaAtAsync(Batch1);

        var dryRun = await Junkquote("baseline", "--dry-run");

        Assert.That(dryRun.ExitCode, Is.Zero, RunnerProcess.Describe(dryRun));
        Assert.That(dryRun.StandardOutput, Does.Contain($"would record {Baseline}: Baseline").And.Contain($"would record {Batch1}: Batch1AddMemoryEntities").And.Not.Contain($"{Batch2}:"));
        Assert.That(JournalExists, Is.False, "a dry run creates no journal");
    }

    [Test]
    public async Task Three_changes_by_hand_are_refused_with_each_difference_and_nothing_is_written()
    {
        await MadeByPrismaAtAsync(Batch2);
        if (provider == Provider.Postgres)
        {
            _db.Execute("""
                DROP INDEX "Lead_status_idx";
                ALTER TABLE "Lead" ADD COLUMN note text;
                ALTER TABLE "Job" DROP CONSTRAINT "Job_leadId_fkey";
                ALTER TABLE "Job" ADD CONSTRAINT "Job_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"(id) ON DELETE CASCADE;
                """);
        }
        else
        {
            _db.Execute("""
                DROP INDEX "Lead_status_idx";
                ALTER TABLE "Lead" ADD COLUMN note TEXT;
                PRAGMA writable_schema = ON;
                UPDATE sqlite_master SET sql = replace(sql, 'REFERENCES "Lead" ("id") ON DELETE SET NULL', 'REFERENCES "Lead" ("id") ON DELETE CASCADE') WHERE name = 'Job';
                PRAGMA writable_schema = OFF;
                """);
        }

        var baseline = await Junkquote("baseline");

        Assert.That(baseline.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(baseline));
        var lines = baseline.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var schema = provider == Provider.Postgres ? "public." : "";
        Assert.That(lines, Has.Length.EqualTo(4), baseline.StandardOutput);
        Assert.That(lines[0], Is.EqualTo($"junkquote: the live schema matches no version; it is closest to {Batch2} with 3 difference(s):"));
        Assert.That(lines[1], Does.StartWith($"junkquote: column {schema}Lead.note: expected none, found text null"));
        Assert.That(lines[2], Does.StartWith("junkquote: foreign key ").And.Match("(?i)expected .*on delete set null.*, found .*on delete cascade"));
        Assert.That(lines[3], Does.StartWith($"junkquote: index {schema}Lead_status_idx: expected ").And.EndWith("found none"));
        Assert.That(JournalExists, Is.False, "nothing was written");
    }

    [Test]
    public async Task A_version_the_live_schema_does_not_have_is_refused()
    {
        await MadeByPrismaAtAsync(Baseline);

        var baseline = await Junkquote("baseline", "--version", Batch1.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(baseline.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(baseline));
        Assert.That(baseline.StandardOutput, Does.Contain($"it is closest to {Batch1} with").And.Contain("expected ").And.Contain("found none"));
        Assert.That(JournalExists, Is.False);
    }

    [Test]
    public async Task An_old_journal_that_claims_a_change_the_schema_lacks_is_refused()
    {
        await MadeByPrismaAtAsync(Baseline, "20251110_add_memory_entities");

        var baseline = await Junkquote("baseline");

        Assert.That(baseline.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(baseline));
        Assert.That(baseline.StandardOutput, Does.Contain("_prisma_migrations records 20251110_add_memory_entities as applied, but the live schema does not have")
            .And.Contain($"{Batch1}: Batch1AddMemoryEntities (it matches version {Baseline})"));
        Assert.That(JournalExists, Is.False);
    }

    [Test]
    public async Task A_database_with_a_journal_of_ours_is_left_alone()
    {
        var migrate = await Junkquote("migrate");
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));

        var baseline = await Junkquote("baseline");

        Assert.That(baseline.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(baseline));
        Assert.That(baseline.StandardError, Does.Contain("junkquote: the journal already records 3 migration(s), so this database is adopted"));
    }
}
