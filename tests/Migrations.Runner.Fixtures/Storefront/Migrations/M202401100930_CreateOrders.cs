using FluentMigrator;

namespace Storefront.Data.Migrations;

// The foreign key to customers comes later (AddOrderForeignKeys), as it did in production.
[Migration(202401100930, "create orders")]
public sealed class CreateOrders : Migration
{
    public override void Up() =>
        Create.Table("orders")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("customer_id").AsInt64().NotNullable().Indexed("ix_orders_customer_id")
            .WithColumn("order_number").AsString(32).NotNullable().Unique("ux_orders_order_number")
            .WithColumn("total").AsDecimal(10, 2).NotNullable().WithDefaultValue(0)
            .WithColumn("placed_at").AsDateTimeOffset().NotNullable()
            .WithColumn("notes").AsString().Nullable();

    public override void Down() => Delete.Table("orders");
}
