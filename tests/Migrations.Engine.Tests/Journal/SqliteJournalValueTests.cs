using Migrations.Engine.Running;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Journal;

/// <summary>
/// A SQLite column holds whatever was put in it: the journal reads SQLite's own date forms and
/// whole numbers stored as reals, and names what it cannot read (issue 14, item 8).
/// </summary>
public sealed class SqliteJournalValueTests() : JournalTest(Provider.Sqlite)
{
    [TestCase("1704164645", TestName = "AppliedOn as Unix seconds (SQLite's unixepoch()) is read")]
    [TestCase("2460311.627835648", TestName = "AppliedOn as a Julian day (SQLite's julianday()) is read")]
    public async Task AppliedOn_in_SQLites_numeric_date_forms_is_read(string value)
    {
        await Runner().MigrateUpAsync(target: 1);
        Db.Execute($"UPDATE \"VersionInfo\" SET \"AppliedOn\" = {value}");

        var status = await Runner().ListMigrationsAsync();

        Assert.That(status[0].AppliedOn, Is.EqualTo(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task A_whole_number_stored_as_a_real_is_a_number()
    {
        await Runner().MigrateUpAsync(target: 1);
        Db.Execute("UPDATE \"VersionInfo\" SET \"DurationMs\" = CAST(12 AS REAL)");

        Assert.That((await Runner().ListMigrationsAsync())[0].State, Is.EqualTo(MigrationState.Applied));
    }

    [TestCase("\"DurationMs\" = 2.5", "journal row 1 (version 1) of \"VersionInfo\" has DurationMs 2.5, not a whole number; fix or delete that row")]
    [TestCase("\"Checksum\" = X'00FF'", "journal row 1 (version 1) of \"VersionInfo\" has Checksum binary data, not text; fix or delete that row")]
    [TestCase("\"AppliedOn\" = 'the 2nd of January, twice over and again and again'", "journal row 1 (version 1) of \"VersionInfo\" has AppliedOn 'the 2nd of January, twice over and again...', not a date and time; fix or delete that row")]
    public async Task A_value_SQLite_kept_but_that_means_nothing_is_named(string assignment, string message)
    {
        await Runner().MigrateUpAsync(target: 1);
        Db.Execute($"UPDATE \"VersionInfo\" SET {assignment}");

        var error = Assert.ThrowsAsync<JournalDamagedException>(() => Runner().ListMigrationsAsync());

        Assert.That(error!.Message, Is.EqualTo("test: " + message));
    }
}
