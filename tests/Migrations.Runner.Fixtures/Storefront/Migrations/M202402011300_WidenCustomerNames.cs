using FluentMigrator;

namespace Storefront.Data.Migrations;

[Migration(202402011300, "customers: phone, longer display names")]
public sealed class WidenCustomerNames : Migration
{
    public override void Up()
    {
        Alter.Table("customers").AddColumn("phone").AsString(20).Nullable();
        Alter.Column("display_name").OnTable("customers").AsString(200).NotNullable();
    }

    public override void Down()
    {
        Alter.Column("display_name").OnTable("customers").AsString(100).NotNullable();
        Delete.Column("phone").FromTable("customers");
    }
}
