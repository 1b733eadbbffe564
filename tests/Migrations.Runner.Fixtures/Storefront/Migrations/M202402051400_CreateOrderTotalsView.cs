using FluentMigrator;

namespace Storefront.Data.Migrations;

// Plain SQL both databases understand.
[Migration(202402051400, "customer_order_totals view")]
public sealed class CreateOrderTotalsView : Migration
{
    public override void Up() =>
        Execute.Sql("""
            CREATE VIEW customer_order_totals AS
            SELECT c.id AS customer_id, c.email, COUNT(o.id) AS order_count, COALESCE(SUM(o.total), 0) AS total_spent
            FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
            GROUP BY c.id, c.email
            """);

    public override void Down() => Execute.Sql("DROP VIEW customer_order_totals");
}
