using Migrations.Engine.Tests.Sqlite.TestMigrations.Bulk;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>Bulk rows go through one prepared INSERT in the migration's transaction, with the values the literals would write.</summary>
public sealed class SqliteBulkTests() : DatabaseTest(Provider.Sqlite)
{
    private FluentSqlite Fluent(bool keep = false) => new(Db, typeof(CreateReadings).Namespace!) { KeepStatements = keep };

    [Test]
    public void Bulk_rows_are_inserted_with_guids_and_offsets_as_text_and_nulls_as_null()
    {
        Fluent().MigrateUp(2);

        Assert.That(Db.Count("SELECT count(*) FROM reading"), Is.EqualTo(LoadReadings.Count));
        Assert.That(Db.Query("SELECT sensor, at, typeof(sensor), typeof(at) FROM reading WHERE id = 1").Single(),
            Is.EqualTo(new object[] { LoadReadings.Sensor.ToString("D"), "2025-01-01 00:01:00+01:00", "text", "text" }));
        Assert.That(Db.Count("SELECT count(*) FROM reading WHERE value IS NULL"), Is.EqualTo(LoadReadings.Count / 10));
        Assert.That(Db.Scalar("SELECT value FROM reading WHERE id = 4"), Is.EqualTo(0.5));
    }

    [Test]
    public void The_statement_log_gets_the_prepared_statement_once_or_for_a_script_every_row()
    {
        var plain = Fluent();
        plain.MigrateUp(2);
        Assert.That(plain.Log.Last, Is.EqualTo("COMMIT"));

        Db.Execute("DELETE FROM reading");
        Db.Execute("DELETE FROM \"VersionInfo\" WHERE \"Version\" = 2");
        var script = Fluent(keep: true);
        script.MigrateUp(2);

        Assert.That(script.Log.Statements.Count(s => s.StartsWith("INSERT INTO \"reading\"", StringComparison.Ordinal)), Is.EqualTo(LoadReadings.Count));
        Assert.That(script.Log.Statements, Has.Some.EqualTo(
            $"INSERT INTO \"reading\" (\"id\", \"sensor\", \"at\", \"value\") VALUES (10, '{LoadReadings.Sensor}', '2025-01-01 00:10:00+01:00', NULL);"));
    }

    [Test]
    public void Bulk_rows_if_absent_skip_the_rows_already_there()
    {
        Fluent().MigrateUp(3);

        Assert.That(Db.Count("SELECT count(*) FROM reading"), Is.EqualTo(LoadReadings.Count + 10));
        Assert.That(Db.Query($"SELECT value, at FROM reading WHERE id = {LoadReadings.Count - 1}").Single(), Is.EqualTo(new object[] { 624.875, "2025-01-04 11:19:00+01:00" }),
            "an existing row kept its values");
    }

    [Test]
    public void A_bulk_row_that_collides_fails_its_whole_migration_and_is_named()
    {
        var fluent = Fluent();
        fluent.MigrateUp(3);

        Assert.That(() => fluent.MigrateUp(), Throws.Exception.With.Message.Contains("UNIQUE"));

        Assert.That(fluent.Log.Last, Does.StartWith("INSERT INTO \"reading\" (\"id\", \"sensor\", \"at\") VALUES (1, "));
        Assert.That(SchemaSnapshot.Tables(Db), Does.Not.Contain("side_effect"));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
    }
}
