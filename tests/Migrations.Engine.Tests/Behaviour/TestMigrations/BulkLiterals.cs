using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.BulkLiterals;

[Migration(1, "a table of the values a literal writes differently from COPY if done carelessly")]
public sealed class CreateEdgeValues : Migration
{
    public override void Up() =>
        Create.Table("edge_values")
            .WithColumn("id").AsInt32().PrimaryKey()
            .WithColumn("at").AsCustom("timestamptz").Nullable()
            .WithColumn("local_at").AsCustom("timestamp").Nullable()
            .WithColumn("on_day").AsDate().Nullable()
            .WithColumn("span").AsCustom("interval").Nullable()
            .WithColumn("ratio").AsDouble().Nullable()
            .WithColumn("amount").AsDecimal(18, 6).Nullable()
            .WithColumn("stamps").AsCustom("timestamptz[]").Nullable()
            .WithColumn("names").AsCustom("text[]").Nullable()
            .WithColumn("blob").AsBinary().Nullable()
            .WithColumn("flag").AsBoolean().Nullable()
            .WithColumn("note").AsString().Nullable();

    public override void Down() => Delete.Table("edge_values");
}

[Profile("Edges")]
public sealed class EdgeRows : Migration
{
    private static readonly DateTime Fraction = new DateTime(2025, 3, 30, 1, 30, 0, DateTimeKind.Utc).AddTicks(1_234_567);

    public override void Up() =>
        Insert.IntoTable("edge_values").Bulk(
            ["id", "at", "local_at", "on_day", "span", "ratio", "amount", "stamps", "names", "blob", "flag", "note"], Rows);

    public override void Down()
    {
    }

    private static IEnumerable<object?[]> Rows() =>
    [
        [1, Fraction, Fraction, new DateOnly(2025, 3, 30), new TimeSpan(1, 2, 3, 4).Add(TimeSpan.FromTicks(56_789)), 0.1 + 0.2, 12.345678m,
            new[] { Fraction, Fraction.AddDays(1) }, new[] { "plain", "with \"quotes\"", "back\\slash", "{braces},commas", "" }, new byte[] { 0, 1, 0xfe, 0xff }, true, "it's"],
        [2, DateTime.MinValue, DateTime.MaxValue, DateOnly.MinValue, TimeSpan.FromDays(-3), double.NaN, 0m, Array.Empty<DateTime>(), new string?[] { null, "x" }, Array.Empty<byte>(), false, "line\nbreak"],
        [3, new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(5)), DateTime.MaxValue, DateOnly.MaxValue, TimeSpan.Zero, double.PositiveInfinity, -1m, null, null, null, null, null],
        [4, new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999), null, null, null, double.NegativeInfinity, null, null, null, null, null, null],
    ];
}
