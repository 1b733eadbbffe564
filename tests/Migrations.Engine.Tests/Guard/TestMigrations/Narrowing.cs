using FluentMigrator;

namespace Migrations.Engine.Tests.Guard.TestMigrations.Narrowing;

/// <summary>One column per lossy kind of PostgreSQL type change; each later migration narrows one of them.</summary>
[Migration(1)]
public sealed class CreateReading : Migration
{
    public override void Up() => Create.Table("reading")
        .WithColumn("id").AsInt32().PrimaryKey()
        .WithColumn("ratio").AsDecimal(12, 4).Nullable()
        .WithColumn("amount").AsDecimal(12, 2).Nullable()
        .WithColumn("weight").AsDecimal(12, 3).Nullable()
        .WithColumn("measure").AsDecimal(30, 10).Nullable()
        .WithColumn("taken").AsDateTime().Nullable()
        .WithColumn("happened").AsDateTimeOffset().Nullable()
        .WithColumn("clocked").AsDateTime().Nullable()
        .WithColumn("price").AsDecimal(10, 2).Nullable()
        .WithColumn("label").AsString().Nullable();

    public override void Down() => Delete.Table("reading");
}

[Migration(2, "numeric(12,4) to numeric(12,2): rounds to two places")]
public sealed class RatioToTwoPlaces : Migration
{
    public override void Up() => Alter.Column("ratio").OnTable("reading").AsDecimal(12, 2).Nullable();

    public override void Down() => Alter.Column("ratio").OnTable("reading").AsDecimal(12, 4).Nullable();
}

[Migration(3, "numeric to integer: rounds a fraction away")]
public sealed class AmountToInteger : Migration
{
    public override void Up() => Alter.Column("amount").OnTable("reading").AsInt32().Nullable();

    public override void Down() => Alter.Column("amount").OnTable("reading").AsDecimal(12, 2).Nullable();
}

[Migration(4, "numeric to real: 6 significant digits come back")]
public sealed class WeightToReal : Migration
{
    public override void Up() => Alter.Column("weight").OnTable("reading").AsFloat().Nullable();

    public override void Down() => Alter.Column("weight").OnTable("reading").AsDecimal(12, 3).Nullable();
}

[Migration(5, "numeric to double precision: 15 significant digits come back")]
public sealed class MeasureToDouble : Migration
{
    public override void Up() => Alter.Column("measure").OnTable("reading").AsDouble().Nullable();

    public override void Down() => Alter.Column("measure").OnTable("reading").AsDecimal(30, 10).Nullable();
}

[Migration(6, "timestamp to date: the time of day goes")]
public sealed class TakenToDate : Migration
{
    public override void Up() => Alter.Column("taken").OnTable("reading").AsDate().Nullable();

    public override void Down() => Alter.Column("taken").OnTable("reading").AsDateTime().Nullable();
}

[Migration(7, "timestamptz to timestamp: the wall-clock time of the session's zone")]
public sealed class HappenedToLocal : Migration
{
    public override void Up() => Alter.Column("happened").OnTable("reading").AsDateTime().Nullable();

    public override void Down() => Alter.Column("happened").OnTable("reading").AsDateTimeOffset().Nullable();
}

[Migration(8, "timestamp to time: every value loses its date")]
public sealed class ClockedToTime : Migration
{
    public override void Up() => Alter.Column("clocked").OnTable("reading").AsTime().Nullable();

    // PostgreSQL has no cast from time back to timestamp: the column comes back empty.
    public override void Down()
    {
        Delete.Column("clocked").FromTable("reading");
        Create.Column("clocked").OnTable("reading").AsDateTime().Nullable();
    }
}

[Migration(9, "numeric(10,2) to numeric(6,0): the cents go")]
public sealed class PriceToWhole : Migration
{
    public override void Up() => Alter.Column("price").OnTable("reading").AsDecimal(6, 0).Nullable();

    public override void Down() => Alter.Column("price").OnTable("reading").AsDecimal(10, 2).Nullable();
}

[Migration(10, "text to varchar(20): PostgreSQL refuses a longer value rather than cut it")]
public sealed class LabelToShort : Migration
{
    public override void Up() => Alter.Column("label").OnTable("reading").AsString(20).Nullable();

    public override void Down() => Alter.Column("label").OnTable("reading").AsString().Nullable();
}
