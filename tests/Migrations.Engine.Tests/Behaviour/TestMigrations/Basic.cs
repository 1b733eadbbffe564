using System.Data;
using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Basic;

// Three ordinary migrations: a table with identity and a unique index, a child table with a
// cascading reference, then an added column with a default.

[Migration(1, "create Customer")]
public sealed class CreateCustomer : Migration
{
    public override void Up() =>
        Create.Table("Customer")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Name").AsString(100)
            .WithColumn("Email").AsString(200).Nullable().Unique();

    public override void Down() => Delete.Table("Customer");
}

[Migration(2, "create Order")]
public sealed class CreateOrder : Migration
{
    public override void Up() =>
        Create.Table("Order")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("CustomerId").AsInt32().ForeignKey("Customer", "Id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("Amount").AsDecimal(12, 2)
            .WithColumn("CreatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

    public override void Down() => Delete.Table("Order");
}

[Migration(3, "add Order.Status")]
public sealed class AddOrderStatus : Migration
{
    public override void Up() => Alter.Table("Order").AddColumn("Status").AsString(20).NotNullable().WithDefaultValue("new");

    public override void Down() => Delete.Column("Status").FromTable("Order");
}
