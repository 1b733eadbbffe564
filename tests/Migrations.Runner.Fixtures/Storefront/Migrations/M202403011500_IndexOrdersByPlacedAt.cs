using FluentMigrator;
using FluentMigrator.Postgres;

namespace Storefront.Data.Migrations;

// orders is busy in production: build the index without blocking writes. PostgreSQL refuses
// CREATE INDEX CONCURRENTLY inside a transaction, hence TransactionBehavior.None.
[Migration(202403011500, TransactionBehavior.None, "index orders by placed_at, concurrently")]
[Tags("Production")]
public sealed class IndexOrdersByPlacedAt : Migration
{
    public override void Up()
    {
        IfDatabase("postgres").Create.Index("ix_orders_placed_at").OnTable("orders")
            .OnColumn("placed_at").Descending()
            .WithOptions().AsConcurrently();

        IfDatabase("sqlite").Create.Index("ix_orders_placed_at").OnTable("orders")
            .OnColumn("placed_at").Descending();
    }

    public override void Down() => Delete.Index("ix_orders_placed_at").OnTable("orders");
}
