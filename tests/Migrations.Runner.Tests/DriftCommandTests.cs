using System.Text.Json;
using Migrations.Testing;

namespace Migrations.Runner.Tests;

/// <summary>
/// <c>drift</c> and <c>migrate --check-drift</c> through the runner process, on claims (issue 15,
/// item 3): a database as its migrations made it has no drift; three changes by hand are three
/// lines, exit 3; the shadow the comparison was built in is gone afterwards.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class DriftCommandTests(Provider provider)
{
    private TestDatabase _db = null!;
    private string _work = null!;

    [SetUp]
    public async Task MigrateClaims()
    {
        _work = RunnerProcess.TempDirectory();
        _db = TestDatabase.Create(provider, "drift");
        var migrate = await Claims("migrate");
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
    }

    [TearDown]
    public void DropDatabase()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private Task<RunnerProcess.Result> Claims(params string[] args) =>
        RunnerProcess.RunAsync(_work, null, [.. args, "--database", "claims", "--provider", provider == Provider.Postgres ? "postgres" : "sqlite",
            "--connection", _db.ConnectionString, "--environment", "Development"]);

    // What on-call does in a hurry: drop an index, add a column, change a foreign key's delete rule.
    private void ChangeByHand()
    {
        if (provider == Provider.Postgres)
        {
            _db.Execute("""
                DROP INDEX "ClientProConnection_companyId_idx";
                ALTER TABLE email_log ADD COLUMN note text;
                ALTER TABLE "ClientProConnection" DROP CONSTRAINT "ClientProConnection_companyId_fkey";
                ALTER TABLE "ClientProConnection" ADD CONSTRAINT "ClientProConnection_companyId_fkey"
                    FOREIGN KEY ("companyId") REFERENCES "tradesCompany"(id) ON UPDATE CASCADE ON DELETE RESTRICT;
                """);
            return;
        }

        // SQLite cannot alter a constraint; editing the stored CREATE TABLE is the documented way to change one in place.
        _db.Execute("""
            DROP INDEX "ClientProConnection_companyId_idx";
            ALTER TABLE email_log ADD COLUMN note TEXT;
            PRAGMA writable_schema = ON;
            UPDATE sqlite_master SET sql = replace(sql, 'REFERENCES "tradesCompany" ("id") ON DELETE CASCADE', 'REFERENCES "tradesCompany" ("id") ON DELETE RESTRICT')
            WHERE name = 'ClientProConnection';
            PRAGMA writable_schema = OFF;
            """);
    }

    [Test]
    public async Task A_database_as_its_migrations_made_it_has_no_drift()
    {
        var drift = await Claims("drift");

        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));
        Assert.That(drift.StandardOutput.Trim(), Is.Empty);
        Assert.That(drift.StandardError, Does.Match(@"claims +no drift: \d+ object\(s\) match the schema of its 6 applied migration\(s\)"));
        AssertNoShadowLeft();
    }

    [Test]
    public async Task Three_changes_by_hand_are_three_lines_and_exit_3()
    {
        ChangeByHand();

        var drift = await Claims("drift");

        Assert.That(drift.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(drift));
        var lines = drift.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var schema = provider == Provider.Postgres ? "public." : "";
        var foreignKey = provider == Provider.Postgres ? "public.ClientProConnection.ClientProConnection_companyId_fkey" : "ClientProConnection.(companyId)";
        Assert.That(lines, Has.Length.EqualTo(3), drift.StandardOutput);
        Assert.That(lines[0], Does.StartWith($"claims: column {schema}email_log.note: expected none, found text null"));
        Assert.That(lines[1], Does.StartWith($"claims: foreign key {foreignKey}: expected ").And.Match("(?i)expected .*on delete cascade.*, found .*on delete restrict"));
        Assert.That(lines[2], Does.StartWith($"claims: index {schema}ClientProConnection_companyId_idx: expected ").And.EndWith("found none"));
        AssertNoShadowLeft();
    }

    [Test]
    public async Task Json_lists_each_difference_with_what_was_expected_and_found()
    {
        ChangeByHand();

        var drift = await Claims("drift", "--json");

        Assert.That(drift.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(drift));
        using var json = JsonDocument.Parse(drift.StandardOutput);
        var claims = json.RootElement.EnumerateArray().Single();
        Assert.That(claims.GetProperty("database").GetString(), Is.EqualTo("claims"));
        Assert.That(claims.GetProperty("drift").GetBoolean(), Is.True);
        var differences = claims.GetProperty("differences").EnumerateArray().ToArray();
        Assert.That(differences.Select(d => d.GetProperty("kind").GetString()), Is.EqualTo(new[] { "column", "foreign key", "index" }));
        Assert.That(differences[0].GetProperty("expected").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(differences[2].GetProperty("found").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Migrate_with_check_drift_stops_before_changing_anything()
    {
        var rollback = await Claims("rollback", "--allow-data-loss");
        Assert.That(rollback.ExitCode, Is.Zero, RunnerProcess.Describe(rollback));
        ChangeByHand();
        var journalBefore = _db.Count($"SELECT count(*) FROM {_db.Journal}");

        var migrate = await Claims("migrate", "--check-drift");

        Assert.That(migrate.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(migrate));
        Assert.That(migrate.StandardError, Does.Match("claims +error: drift: column").And.Contain("nothing was migrated"));
        Assert.That(_db.Count($"SELECT count(*) FROM {_db.Journal}"), Is.EqualTo(journalBefore), "no migration ran");
        AssertNoShadowLeft();
    }

    [Test]
    public async Task A_shadow_database_that_is_not_empty_is_refused()
    {
        if (provider == Provider.Sqlite)
        {
            var refused = await Claims("drift", "--shadow-connection", "Data Source=elsewhere.db");
            Assert.That(refused.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(refused));
            Assert.That(refused.StandardError, Does.Contain("--shadow-connection: a SQLite shadow is built in memory"));
            return;
        }

        using var busy = TestDatabase.Create(Provider.Postgres, "busy");
        busy.Execute("CREATE TABLE precious (id int); INSERT INTO precious VALUES (1)");

        var drift = await Claims("drift", "--shadow-connection", busy.ConnectionString);

        Assert.That(drift.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(drift));
        Assert.That(drift.StandardError, Does.Contain("--shadow-connection: ").And.Contain("is not empty"));
        Assert.That(busy.Count("SELECT count(*) FROM precious"), Is.EqualTo(1), "the named database was left alone");
    }

    private void AssertNoShadowLeft()
    {
        if (provider == Provider.Postgres)
        {
            Assert.That(ScratchDatabasesOf(_db), Is.Zero, "the scratch database was dropped");
        }
    }

    // The scratch databases made for this live database (others' may exist while tests run side by side).
    internal static long ScratchDatabasesOf(TestDatabase live)
    {
        var name = new Npgsql.NpgsqlConnectionStringBuilder(live.ConnectionString).Database!;
        return live.Count($"SELECT count(*) FROM pg_database WHERE starts_with(datname, '{name[..Math.Min(40, name.Length)]}_shadow_')");
    }
}
