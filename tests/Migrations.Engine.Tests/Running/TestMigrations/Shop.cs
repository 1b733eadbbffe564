using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Running.TestMigrations.Shop;

[Migration(1, "customers")]
public sealed class CreateCustomers : Migration
{
    public override void Up() =>
        Create.Table("customers")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("name").AsString(100).Unique()
            .WithColumn("status").AsString(16).WithDefaultValue("active").Check(Sql.In("status", "active", "closed"));

    public override void Down() => Delete.Table("customers");
}

[Migration(2, "orders")]
public sealed class CreateOrders : AutoReversingMigration
{
    public override void Up() =>
        Create.Table("orders")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("customer_id").AsInt64().ForeignKey("fk_orders_customer", "customers", "id")
            .WithColumn("placed_at").AsDateTimeOffset().Nullable();
}

[Migration(3, "a customer")]
public sealed class InsertCustomer : Migration
{
    public override void Up() => Insert.IntoTable("customers").Row(new { name = "Ada" });

    public override void Down() => Delete.FromTable("customers").Row(new { name = "Ada" });
}

[Profile("Development")]
public sealed class DevelopmentCustomers(RunSettings run) : Migration
{
    public override void Up() => Insert.IntoTable("customers").OnConflictDoNothing().Row(new { name = $"dev-{run.SeedScale}" });

    public override void Down()
    {
    }
}
