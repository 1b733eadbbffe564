using FluentMigrator;

namespace Storefront.Data.Migrations;

[Migration(202401100900, "create customers")]
public sealed class CreateCustomers : Migration
{
    public override void Up() =>
        Create.Table("customers")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("email").AsString(255).NotNullable().Unique("ux_customers_email")
            .WithColumn("display_name").AsString(100).NotNullable()
            .WithColumn("is_active").AsBoolean().NotNullable().WithDefaultValue(true)
            .WithColumn("created_at").AsDateTime().NotNullable().WithDefault(SystemMethods.CurrentUTCDateTime);

    public override void Down() => Delete.Table("customers");
}
