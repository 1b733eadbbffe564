using Migrations.Engine.Running;
using Migrations.Engine.Tests.Guard.TestMigrations.Narrowing;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Guard;

/// <summary>
/// On the real PostgreSQL: a lossy type change counts only the values it would alter, not every
/// non-null one, so a column whose values all fit the new type passes the guard.
/// </summary>
public sealed class TypeChangeValueTests() : DatabaseTest(Provider.Postgres)
{
    private static readonly object[] Narrowings =
    [
        new object[] { 2L, nameof(RatioToTwoPlaces), "ratio", new[] { "1.25", "3.1", "-0.5" }, "1.2345" },
        new object[] { 3L, nameof(AmountToInteger), "amount", new[] { "10.00", "-3", "0" }, "7.50" },
        new object[] { 4L, nameof(WeightToReal), "weight", new[] { "0.5", "0.1", "1234.5", "123456" }, "1234.567" },
        new object[] { 5L, nameof(MeasureToDouble), "measure", new[] { "0.1", "12345.6789", "123456789012345" }, "1234567890.123456789" },
        new object[] { 6L, nameof(TakenToDate), "taken", new[] { "'2024-05-01'", "'1999-12-31 00:00:00'" }, "'2024-05-01 10:30'" },
        new object[] { 9L, nameof(PriceToWhole), "price", new[] { "12.00", "-5", "999999.00" }, "3.50" },
    ];

    private Migrator Runner(string? connectionString = null) => Harness.Runner(Db, typeof(CreateReading).Assembly, typeof(CreateReading).Namespace,
        o => connectionString is null ? o : o with { ConnectionString = connectionString });

    private void Insert(string column, IEnumerable<string> values)
    {
        var id = Db.Count("SELECT count(*) FROM \"reading\"");
        foreach (var value in values)
        {
            Db.Execute($"INSERT INTO \"reading\" (\"id\", {TestDatabase.Q(column)}) VALUES ({++id}, {value})");
        }
    }

    [TestCaseSource(nameof(Narrowings))]
    public async Task A_column_whose_values_all_fit_the_new_type_passes(long version, string migration, string column, string[] fitting, string changing)
    {
        await Runner().MigrateUpAsync(target: 1);
        Insert(column, [.. fitting, "NULL"]);

        await Runner().MigrateUpAsync(target: version);

        Assert.That(Harness.JournalVersions(Db), Does.Contain(version));
    }

    [TestCaseSource(nameof(Narrowings))]
    public async Task One_value_that_would_change_is_refused_as_one_value(long version, string migration, string column, string[] fitting, string changing)
    {
        await Runner().MigrateUpAsync(target: 1);
        Insert(column, [.. fitting, changing, "NULL"]);
        var before = Db.Query($"SELECT {TestDatabase.Q(column)} FROM \"reading\" ORDER BY \"id\"");

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().MigrateUpAsync(target: version));

        Assert.That(error!.Losses, Is.EqualTo(new[] { $"{version}: {migration} would change the type of \"reading\".\"{column}\": 1 value(s) would change" }));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1 }));
        Assert.That(Db.Query($"SELECT {TestDatabase.Q(column)} FROM \"reading\" ORDER BY \"id\""), Is.EqualTo(before));
    }

    [Test]
    public async Task A_timestamptz_keeps_every_instant_as_wall_clock_time_under_UTC()
    {
        await Runner().MigrateUpAsync(target: 1);
        Insert("happened", ["'2024-11-03 05:30Z'", "'2024-11-03 06:30Z'", "'2024-06-01 12:00:00.123456Z'"]);

        await Runner().MigrateUpAsync(target: 7);

        Assert.That(Db.Scalar("SELECT \"happened\" FROM \"reading\" WHERE \"id\" = 3"), Is.EqualTo(new DateTime(2024, 6, 1, 12, 0, 0).AddTicks(1234560)));
    }

    [Test]
    public async Task A_timestamptz_in_the_hour_repeated_when_clocks_go_back_in_the_sessions_zone_counts_as_changed()
    {
        // Both the guard and FluentMigrator's connection take the run's connection string, so its zone.
        var newYork = Db.ConnectionString + ";Timezone=America/New_York";
        await Runner(newYork).MigrateUpAsync(target: 1);

        // 05:30Z is 01:30 EDT; 01:30 on that night reads back as EST (06:30Z), the instant after the change.
        Insert("happened", ["'2024-11-03 05:30Z'", "'2024-11-03 06:30Z'", "'2024-06-01 12:00Z'"]);

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner(newYork).MigrateUpAsync(target: 7));

        Assert.That(error!.Losses, Is.EqualTo(new[] { $"7: {nameof(HappenedToLocal)} would change the type of \"reading\".\"happened\": 1 value(s) would change" }));
    }

    [Test]
    public async Task A_timestamp_to_a_time_counts_every_value_for_each_loses_its_date()
    {
        await Runner().MigrateUpAsync(target: 7);
        Insert("clocked", ["'2024-05-01'", "'2024-05-01 10:30'", "NULL"]);

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().MigrateUpAsync(target: 8));

        Assert.That(error!.Losses, Is.EqualTo(new[] { $"8: {nameof(ClockedToTime)} would change the type of \"reading\".\"clocked\": 2 value(s) would change" }));
    }

    [Test]
    public async Task A_value_the_new_type_cannot_hold_is_not_counted_for_the_change_then_fails_and_changes_nothing()
    {
        await Runner().MigrateUpAsync(target: 2);
        Insert("amount", ["3000000000.00"]);

        Assert.ThrowsAsync<MigrationFailedException>(() => Runner().MigrateUpAsync(target: 3));

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(Db.Scalar("SELECT \"amount\" FROM \"reading\""), Is.EqualTo(3000000000.00m));
    }

    [Test]
    public async Task Text_whose_values_all_fit_a_shorter_varchar_passes()
    {
        await Runner().MigrateUpAsync(target: 9);
        Insert("label", ["'twenty characters!!!'", "''", "NULL"]);

        await Runner().MigrateUpAsync(target: 10);

        Assert.That(Db.Scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'reading'::regclass AND attname = 'label'"),
            Is.EqualTo("character varying(20)"));
    }

    [Test]
    public async Task Text_longer_than_a_shorter_varchar_is_not_cut_the_change_fails_and_changes_nothing()
    {
        await Runner().MigrateUpAsync(target: 9);
        Insert("label", ["'short'", "'twenty-one characters'"]);

        Assert.ThrowsAsync<MigrationFailedException>(() => Runner().MigrateUpAsync(target: 10));

        Assert.That(Harness.JournalVersions(Db), Does.Not.Contain(10L));
        Assert.That(Db.Query("SELECT \"label\" FROM \"reading\" ORDER BY \"id\""), Is.EqualTo(new[] { new object?[] { "short" }, new object?[] { "twenty-one characters" } }));
    }
}
