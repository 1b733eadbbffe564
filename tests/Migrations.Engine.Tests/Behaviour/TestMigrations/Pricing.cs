using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Pricing;

[Migration(1)]
public sealed class CreatePrice : Migration
{
    public override void Up() => Create.Table("price").WithColumn("id").AsInt32().PrimaryKey().WithColumn("amount").AsDecimal(12, 2).Nullable();

    public override void Down() => Delete.Table("price");
}

[Migration(2, "widen amount: every value fits")]
public sealed class WidenAmount : Migration
{
    public override void Up() => Alter.Column("amount").OnTable("price").AsDecimal(14, 2).Nullable();

    public override void Down() => Alter.Column("amount").OnTable("price").AsDecimal(12, 2).Nullable();
}

[Migration(3, "whole units: PostgreSQL rounds every amount")]
public sealed class RoundAmount : Migration
{
    public override void Up() => Alter.Column("amount").OnTable("price").AsDecimal(14, 0).Nullable();

    public override void Down() => Alter.Column("amount").OnTable("price").AsDecimal(14, 2).Nullable();
}
