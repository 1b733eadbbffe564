using Migrations.Engine.Journal;
using Migrations.Engine.Running;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Journal;

/// <summary>
/// A journal another tool or an older version left: a column missing, text where a number
/// belongs, a version twice, columns it does not know. Every command reads what is there; a value
/// that means nothing stops every command with the row named, before anything changes (issue 14, item 8).
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class DamagedJournalTests(Provider provider) : JournalTest(provider)
{
    private static readonly string[] OurColumns = JournalLayout.ExtraColumns.Select(c => c.Name).ToArray();

    private static readonly string[] DroppableColumns = ["AppliedOn", "Description", .. OurColumns];

    [TestCaseSource(nameof(DroppableColumns))]
    public async Task A_missing_column_reads_as_null_and_the_next_migrate_adds_it_back(string column)
    {
        await Runner(o => o with { AppliedBy = "ops@host", Environment = "Production" }).MigrateUpAsync(target: 2);
        Db.Execute($"ALTER TABLE {Db.Journal} DROP COLUMN {TestDatabase.Q(column)}");
        var before = JournalSnapshot.Take(Db);

        var status = await Runner().ListMigrationsAsync();
        var problems = await Runner().ValidateAsync();

        Assert.That(status.Select(s => s.State), Is.EqualTo(new[] { MigrationState.Applied, MigrationState.Applied, MigrationState.Pending }));
        Assert.That(status[0].AppliedBy, column == "AppliedBy" ? Is.Null : Is.EqualTo("ops@host"));
        Assert.That(status[0].AppliedOn, column == "AppliedOn" ? Is.Null : Is.Not.Null);
        Assert.That(problems, Is.Empty);
        Assert.That(JournalSnapshot.Take(Db), Is.EqualTo(before), "status and validate never alter the journal");

        await Runner().MigrateUpAsync();

        Assert.That(JournalSnapshot.Columns(Db), Does.Contain(column));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(await Runner().ValidateAsync(), Is.Empty);
    }

    [Test]
    public async Task A_missing_unique_index_on_Version_is_created_again_by_migrate()
    {
        await Runner().MigrateUpAsync(target: 1);
        Db.Execute(Provider == Provider.Postgres ? "DROP INDEX \"migrations\".\"UC_Version\"" : "DROP INDEX \"UC_Version\"");

        await Runner().MigrateUpAsync();

        Assert.That(() => Db.Execute($"INSERT INTO {Db.Journal} (\"Version\") VALUES (3)"), Throws.Exception, "a version cannot be recorded twice again");
    }

    [TestCase("Version", "'abc'", "journal row 2 of {0} has Version 'abc', not a number; fix or delete that row")]
    [TestCase("DurationMs", "'x'", "journal row 1 (version 1) of {0} has DurationMs 'x', not a number; fix or delete that row")]
    [TestCase("AppliedOn", "'yesterday'", "journal row 1 (version 1) of {0} has AppliedOn 'yesterday', not a date and time; fix or delete that row")]
    public async Task A_value_that_means_nothing_stops_every_command_naming_the_row_and_nothing_changes(string column, string value, string message)
    {
        await Runner().MigrateUpAsync(target: 1);
        Loosen(column);
        if (column == "Version")
        {
            Db.Execute($"INSERT INTO {Db.Journal} (\"Version\", \"Description\") VALUES ({value}, 'from another tool')");
        }
        else
        {
            Db.Execute($"UPDATE {Db.Journal} SET {TestDatabase.Q(column)} = {value} WHERE \"Version\" = 1");
        }

        var journal = JournalSnapshot.Take(Db);
        var schema = SchemaSnapshot.Take(Db);
        var expected = "test: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, JournalName);

        Assert.Multiple(() =>
        {
            Assert.That(Assert.ThrowsAsync<JournalDamagedException>(() => Runner().ListMigrationsAsync())!.Message, Is.EqualTo(expected));
            Assert.That(Assert.ThrowsAsync<JournalDamagedException>(() => Runner().ValidateAsync())!.Message, Is.EqualTo(expected));
            Assert.That(Assert.ThrowsAsync<JournalDamagedException>(() => Runner().MigrateUpAsync())!.Message, Is.EqualTo(expected));
            Assert.That(Assert.ThrowsAsync<JournalDamagedException>(() => Runner().RollbackAsync())!.Message, Is.EqualTo(expected));
            Assert.That(Assert.ThrowsAsync<JournalDamagedException>(() => Runner().ScriptMigrateAsync())!.Message, Is.EqualTo(expected));
        });
        Assert.That(JournalSnapshot.Take(Db), Is.EqualTo(journal));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(schema));
    }

    [Test]
    public async Task A_damaged_three_column_journal_is_reported_before_migrate_upgrades_it()
    {
        FluentMigratorAppliedTheFirst();
        Loosen("AppliedOn", FluentMigratorsJournal);
        Db.Execute($"UPDATE {FluentMigratorsJournal} SET \"AppliedOn\" = 'last tuesday'");
        var before = JournalSnapshot.Take(Db, FluentMigratorsSchema);

        var error = Assert.ThrowsAsync<JournalDamagedException>(() => Runner().MigrateUpAsync());

        Assert.That(error!.Message, Does.Contain("has AppliedOn 'last tuesday', not a date and time"));
        Assert.That(JournalSnapshot.Take(Db, FluentMigratorsSchema), Is.EqualTo(before), "no column was added to a journal that cannot be read");
    }

    [TestCase("2024-01-02 03:04:05")]
    [TestCase("2024-01-02T03:04:05Z")]
    [TestCase("2024-01-02T05:04:05+02:00")]
    [TestCase("2024-01-02T03:04:05.0000000")]
    public async Task AppliedOn_written_as_text_in_another_format_is_read(string text)
    {
        await Runner().MigrateUpAsync(target: 1);
        Loosen("AppliedOn");
        Db.Execute($"UPDATE {Db.Journal} SET \"AppliedOn\" = '{text}'");

        var status = await Runner().ListMigrationsAsync();

        Assert.That(status[0].AppliedOn, Is.EqualTo(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
        Assert.That(status[0].AppliedOn!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [Test]
    public async Task A_version_recorded_twice_names_both_rows()
    {
        await Runner().MigrateUpAsync(target: 2);
        Db.Execute(Provider == Provider.Postgres ? "DROP INDEX \"migrations\".\"UC_Version\"" : "DROP INDEX \"UC_Version\"");
        Db.Execute($"INSERT INTO {Db.Journal} (\"Version\", \"Description\") VALUES (1, 'again')");

        var error = Assert.ThrowsAsync<JournalDamagedException>(() => Runner().ListMigrationsAsync());
        Assert.ThrowsAsync<JournalDamagedException>(() => Runner().MigrateUpAsync());

        Assert.That(error!.Message, Is.EqualTo($"test: journal rows 1 and 2 of {JournalName} both record version 1; keep one of them and delete the others"));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 1, 2 }), "migrate did not recreate the unique index over the duplicate");
    }

    [Test]
    public async Task Odd_text_in_the_text_columns_is_read_as_it_is()
    {
        await Runner().MigrateUpAsync(target: 2);
        Db.Execute($"UPDATE {Db.Journal} SET \"Tags\" = ' , ,weird,,', \"AppliedBy\" = '', \"Checksum\" = upper(\"Checksum\") WHERE \"Version\" = 1");
        Db.Execute($"UPDATE {Db.Journal} SET \"Checksum\" = '   ' WHERE \"Version\" = 2");

        var status = await Runner().ListMigrationsAsync();

        Assert.That(status[0].AppliedBy, Is.EqualTo(""));
        Assert.That(await Runner().ValidateAsync(), Is.Empty, "an upper-case checksum is the same checksum; a blank one is no checksum");
        Assert.That((await Runner().MigrateUpAsync()).Applied, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_column_the_runner_does_not_know_is_ignored_when_it_can_be_left_out_of_the_row()
    {
        await Runner().MigrateUpAsync(target: 1);
        Db.Execute($"ALTER TABLE {Db.Journal} ADD COLUMN \"Ticket\" varchar(20)");
        Db.Execute($"ALTER TABLE {Db.Journal} ADD COLUMN \"Source\" varchar(20) NOT NULL DEFAULT 'runner'");

        await Runner().MigrateUpAsync();

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(await Runner().ValidateAsync(), Is.Empty);
    }

    [Test]
    public async Task A_not_null_column_without_a_default_stops_migrate_before_any_migration_runs()
    {
        await Runner().MigrateUpAsync(target: 1);
        if (Provider == Provider.Postgres)
        {
            Db.Execute($"ALTER TABLE {Db.Journal} ADD COLUMN \"Ticket\" varchar(20); UPDATE {Db.Journal} SET \"Ticket\" = 'T-1'; ALTER TABLE {Db.Journal} ALTER COLUMN \"Ticket\" SET NOT NULL");
        }
        else
        {
            // SQLite adds a NOT NULL column only with a default: the table is made again the way another tool might have.
            Db.Execute("""
                CREATE TABLE "VersionInfo2" AS SELECT *, 'T-1' AS "Ticket" FROM "VersionInfo";
                DROP TABLE "VersionInfo";
                CREATE TABLE "VersionInfo" ("Version" INTEGER NOT NULL, "AppliedOn" DATETIME, "Description" TEXT, "Checksum" TEXT, "DurationMs" INTEGER, "AppliedBy" TEXT, "Environment" TEXT, "Tags" TEXT, "Baseline" TEXT, "Ticket" TEXT NOT NULL);
                INSERT INTO "VersionInfo" SELECT * FROM "VersionInfo2";
                DROP TABLE "VersionInfo2";
                CREATE UNIQUE INDEX "UC_Version" ON "VersionInfo" ("Version");
                """);
        }

        var schema = SchemaSnapshot.Take(Db);

        Assert.That((await Runner().ListMigrationsAsync()).Count(s => s.State == MigrationState.Applied), Is.EqualTo(1), "reading needs nothing of that column");
        var error = Assert.ThrowsAsync<JournalDamagedException>(() => Runner().MigrateUpAsync());

        Assert.That(error!.Message, Is.EqualTo($"test: {JournalName} has column(s) \"Ticket\" NOT NULL without a default, which the runner cannot fill when it records a migration; give them a default or allow NULL; nothing was changed"));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(schema));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public void A_table_named_VersionInfo_without_a_Version_column_is_not_read_as_a_journal()
    {
        if (Provider == Provider.Postgres)
        {
            Db.Execute("CREATE SCHEMA \"migrations\"");
        }

        Db.Execute($"CREATE TABLE {Db.Journal} (\"Id\" integer, \"Name\" varchar(20))");

        var error = Assert.ThrowsAsync<JournalDamagedException>(() => Runner().ListMigrationsAsync());
        Assert.ThrowsAsync<JournalDamagedException>(() => Runner().MigrateUpAsync());

        Assert.That(error!.Message, Is.EqualTo($"test: {JournalName} has no \"Version\" column, so it is not a journal the runner can read; rename or drop that table"));
        Assert.That(JournalSnapshot.Columns(Db), Is.EqualTo(new[] { "Id", "Name" }), "migrate did not add columns to it");
    }
}
