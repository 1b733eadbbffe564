using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Sqlite.TestMigrations.Bulk;

[Migration(1, "readings")]
public sealed class CreateReadings : Migration
{
    public override void Up() =>
        Create.Table("reading")
            .WithColumn("id").AsInt32().PrimaryKey()
            .WithColumn("sensor").AsGuid()
            .WithColumn("at").AsDateTimeOffset()
            .WithColumn("value").AsDecimal(8, 3).Nullable();

    public override void Down() => Delete.Table("reading");
}

[Migration(2, "five thousand readings")]
public sealed class LoadReadings : Migration
{
    public const int Count = 5000;
    public static readonly Guid Sensor = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));

    public override void Up() =>
        Insert.IntoTable("reading").Bulk(["id", "sensor", "at", "value"], () => Enumerable.Range(1, Count)
            .Select(i => new object?[] { i, Sensor, Start.AddMinutes(i), i % 10 == 0 ? null : i / 8m }));

    public override void Down() => Delete.FromTable("reading").AllRows();
}

[Migration(3, "readings again, some already there")]
public sealed class TopUpReadings : Migration
{
    public override void Up() =>
        Insert.IntoTable("reading").OnConflictDoNothing().Bulk(["id", "sensor", "at"], () => Enumerable.Range(LoadReadings.Count - 9, 20)
            .Select(i => new object?[] { i, LoadReadings.Sensor, LoadReadings.Start }));

    public override void Down() => Execute.Sql($"DELETE FROM reading WHERE id > {LoadReadings.Count}");
}

[Migration(4, "a bulk load that collides, after a table")]
public sealed class CollidingLoad : Migration
{
    public override void Up()
    {
        Create.Table("side_effect").WithColumn("x").AsInt32();
        Insert.IntoTable("reading").Bulk(["id", "sensor", "at"], () => new[] { new object?[] { 1, Guid.Empty, LoadReadings.Start } });
    }

    public override void Down() => Delete.Table("side_effect");
}
