using FluentMigrator;

namespace Storefront.Data.Migrations;

[Migration(202405011800, "orders: status, customer_notes, longer order numbers")]
public sealed class TrackOrderStatus : Migration
{
    public override void Up()
    {
        Alter.Table("orders").AddColumn("status").AsString(20).NotNullable().WithDefaultValue("placed");
        Execute.Sql("UPDATE orders SET status = 'shipped' WHERE placed_at < '2024-05-01'");
        Rename.Column("notes").OnTable("orders").To("customer_notes");
        Alter.Column("order_number").OnTable("orders").AsString(64).NotNullable();
    }

    public override void Down()
    {
        Alter.Column("order_number").OnTable("orders").AsString(32).NotNullable();
        Rename.Column("customer_notes").OnTable("orders").To("notes");
        Delete.Column("status").FromTable("orders");
    }
}
