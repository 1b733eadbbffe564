using System.Globalization;
using FluentMigrator;
using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Migrations.Engine.Authoring;
using Migrations.Engine.Tests.Sqlite.TestMigrations.Values;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>Values read back as PostgreSQL keeps them; checks, enums and partial indexes hold; seeds and provider branches behave.</summary>
public sealed class SqliteValueTests() : DatabaseTest(Provider.Sqlite)
{
    private FluentSqlite Fluent => new(Db, typeof(CreateValues).Namespace!);

    [Test]
    public void DateTimeOffset_Guid_decimal_date_boolean_and_binary_values_round_trip()
    {
        Fluent.MigrateUp(1);

        using var connection = (SqliteConnection)Db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, day, amount, price, flag, data, typeof(id), typeof(at) FROM value";
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True);
        Assert.That(reader.GetGuid(0), Is.EqualTo(CreateValues.Id));
        var at = reader.GetFieldValue<DateTimeOffset>(1);
        Assert.That(at, Is.EqualTo(CreateValues.At));
        Assert.That(at.Offset, Is.EqualTo(CreateValues.At.Offset), "the offset is kept, not only the instant");
        Assert.That(reader.GetDateTime(2), Is.EqualTo(new DateTime(2025, 3, 14)));
        Assert.That(reader.GetDecimal(3), Is.EqualTo(1234567.89m));
        Assert.That(reader.GetDecimal(4), Is.EqualTo(19.99m));
        Assert.That(reader.GetBoolean(5), Is.True);
        Assert.That((byte[])reader.GetValue(6), Is.EqualTo(new byte[] { 0xCA, 0xFE }));
        Assert.That((reader.GetString(7), reader.GetString(8)), Is.EqualTo(("text", "text")), "GUIDs and offsets are text, as the type map declares them");
        Assert.That(reader.GetString(1), Is.EqualTo("2025-03-14 15:09:26.535+05:30"));
    }

    [Test]
    public void Every_column_type_keeps_the_name_the_old_engine_gave_it()
    {
        Fluent.MigrateUp(2);

        var types = Db.Query("SELECT name, type FROM pragma_table_info('value')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.That(types, Is.EqualTo(new Dictionary<string, string>
        {
            ["id"] = "TEXT", ["at"] = "TEXT", ["day"] = "TEXT", ["amount"] = "NUMERIC", ["price"] = "NUMERIC", ["flag"] = "INTEGER", ["data"] = "BLOB",
        }));
        Assert.That(Db.Query("SELECT name, type FROM pragma_table_info('shape')").Select(r => $"{r[0]} {r[1]}"),
            Is.EqualTo(new[] { "id INTEGER", "kind TEXT", "sides INTEGER", "label TEXT" }));
    }

    [Test]
    public void An_enum_column_and_a_column_check_reject_bad_rows()
    {
        Fluent.MigrateUp(2);

        Db.Execute("INSERT INTO shape (kind, sides) VALUES ('circle', 0)");
        Assert.That(() => Db.Execute("INSERT INTO shape (kind, sides) VALUES ('triangle', 3)"), Throws.InstanceOf<SqliteException>().With.Message.Contains("CHECK"));
        Assert.That(() => Db.Execute("INSERT INTO shape (kind, sides) VALUES ('square', 13)"), Throws.InstanceOf<SqliteException>().With.Message.Contains("CHECK"));
        Assert.That((string)Db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'shape'")!,
            Does.Contain("\"kind\" TEXT CHECK (\"kind\" IN ('circle', 'square')) NOT NULL").And.Contain("\"sides\" INTEGER CHECK (sides BETWEEN 0 AND 12) NOT NULL"));
    }

    [Test]
    public void A_partial_unique_index_applies_only_to_the_rows_its_filter_selects()
    {
        Fluent.MigrateUp(2);

        Db.Execute("INSERT INTO shape (kind, sides) VALUES ('circle', 4), ('circle', 4), ('square', 4)");
        Assert.That(() => Db.Execute("INSERT INTO shape (kind, sides) VALUES ('square', 4)"), Throws.InstanceOf<SqliteException>().With.Message.Contains("UNIQUE"));
        Assert.That(Db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'UX_shape_square_sides'"),
            Is.EqualTo("CREATE UNIQUE INDEX \"UX_shape_square_sides\" ON \"shape\" (\"sides\" ASC) WHERE kind = 'square'"));
    }

    [Test]
    public void Unique_is_one_unique_index_not_also_an_inline_constraint()
    {
        Fluent.MigrateUp(2);

        Assert.That(Db.Query("SELECT name, origin FROM pragma_index_list('shape') WHERE \"unique\" = 1 AND partial = 0").Select(r => $"{r[0]} {r[1]}"),
            Is.EqualTo(new[] { "IX_shape_label c" }));
        Assert.That((string)Db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'shape'")!, Does.Not.Contain("UNIQUE"));
    }

    [Test]
    public void Insert_if_absent_can_run_again_and_again()
    {
        var fluent = Fluent;
        fluent.MigrateUp(2);

        for (var i = 0; i < 3; i++)
        {
            fluent.Run(runner => runner.Up(new SeedShapes()));
        }

        Assert.That(Db.Query("SELECT id, kind, sides FROM shape ORDER BY id").Select(r => $"{r[0]} {r[1]} {r[2]}"), Is.EqualTo(new[] { "1 circle 0", "2 square 4" }));
        Assert.That(fluent.Log.Statements, Has.Some.EqualTo("INSERT INTO \"shape\" (\"id\", \"kind\", \"sides\") VALUES (1, 'circle', 0) ON CONFLICT DO NOTHING;"));
    }

    [Test]
    public void Insert_if_absent_still_refuses_a_row_its_checks_reject()
    {
        Fluent.MigrateUp(2);
        Db.Execute("INSERT INTO shape (id, kind, sides) VALUES (1, 'circle', 0)");

        Assert.That(() => Fluent.Run(runner => runner.Up(new BadSeed())), Throws.Exception.With.Message.Contains("CHECK"),
            "like PostgreSQL's ON CONFLICT DO NOTHING, only a unique key collision is skipped");
    }

    [Test]
    public void IfDatabase_sqlite_matches_FluentMigrators_SQLite_processor()
    {
        var fluent = Fluent;
        fluent.Run((runner, _) =>
        {
            runner.MigrateUp(3);
            Assert.That(runner.Processor.DatabaseType, Is.EqualTo("SQLite"));
        });

        Assert.That(SchemaSnapshot.Tables(Db), Does.Contain("only_sqlite").And.Not.Contain("only_postgres"));
    }

    [Test]
    public void Dates_and_offsets_are_written_with_their_fraction_of_a_second()
    {
        Fluent.MigrateUp(1);
        Fluent.Run(runner => runner.Up(new MoreValues()));

        Assert.That(Db.Query("SELECT at, day FROM value WHERE flag = 0").Single(), Is.EqualTo(new object[]
        {
            "2025-03-14 15:09:26.1234567-02:00",
            "2025-03-14 01:02:03.5",
        }));
        Assert.That(Convert.ToDecimal(Db.Scalar("SELECT amount FROM value WHERE flag = 0"), CultureInfo.InvariantCulture), Is.EqualTo(-0.05m));
    }

    private sealed class BadSeed : Migration
    {
        public override void Up() => Insert.IntoTable("shape").OnConflictDoNothing().Row(new { id = 2, kind = "square", sides = 99 });

        public override void Down()
        {
        }
    }

    private sealed class MoreValues : Migration
    {
        public override void Up() => Insert.IntoTable("value").Row(new
        {
            id = Guid.NewGuid(),
            at = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(-2)).AddTicks(1234567),
            day = new DateTime(2025, 3, 14, 1, 2, 3, 500),
            amount = -0.05m,
            price = 0m,
            flag = false,
            data = Array.Empty<byte>(),
        });

        public override void Down()
        {
        }
    }
}
