using System.Data;
using FluentMigrator;

namespace Storefront.Data.Migrations;

[Migration(202401121100, "foreign keys for orders and order_tags")]
public sealed class AddOrderForeignKeys : Migration
{
    public override void Up()
    {
        Create.ForeignKey("fk_orders_customer_id")
            .FromTable("orders").ForeignColumn("customer_id")
            .ToTable("customers").PrimaryColumn("id")
            .OnDelete(Rule.Cascade);

        Create.ForeignKey("fk_order_tags_order_id")
            .FromTable("order_tags").ForeignColumn("order_id")
            .ToTable("orders").PrimaryColumn("id")
            .OnDelete(Rule.Cascade);

        Create.ForeignKey("fk_order_tags_tag_id")
            .FromTable("order_tags").ForeignColumn("tag_id")
            .ToTable("tags").PrimaryColumn("id")
            .OnDelete(Rule.Cascade);
    }

    public override void Down()
    {
        Delete.ForeignKey("fk_order_tags_tag_id").OnTable("order_tags");
        Delete.ForeignKey("fk_order_tags_order_id").OnTable("order_tags");
        Delete.ForeignKey("fk_orders_customer_id").OnTable("orders");
    }
}
