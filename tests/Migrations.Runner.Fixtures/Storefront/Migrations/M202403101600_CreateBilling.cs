using FluentMigrator;

namespace Storefront.Data.Migrations;

// On PostgreSQL billing lives in its own schema with its own invoice number sequence;
// the SQLite build used by developers has neither, so it gets a plain table.
[Migration(202403101600, "billing: invoices")]
public sealed class CreateBilling : Migration
{
    public override void Up()
    {
        IfDatabase("postgres").Create.Schema("billing");
        IfDatabase("postgres").Create.Sequence("invoice_number_seq").InSchema("billing").StartWith(1000).IncrementBy(1);
        IfDatabase("postgres").Create.Table("invoices").InSchema("billing")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("invoice_number").AsInt64().NotNullable().WithDefaultValue(RawSql.Insert("nextval('billing.invoice_number_seq')"))
            .WithColumn("order_id").AsInt64().NotNullable().ForeignKey("fk_invoices_order_id", "public", "orders", "id")
            .WithColumn("issued_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset);

        IfDatabase("sqlite").Create.Table("invoices")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("invoice_number").AsInt64().NotNullable()
            .WithColumn("order_id").AsInt64().NotNullable().ForeignKey("fk_invoices_order_id", "orders", "id")
            .WithColumn("issued_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset);
    }

    public override void Down()
    {
        IfDatabase("postgres").Delete.Table("invoices").InSchema("billing");
        IfDatabase("postgres").Delete.Sequence("invoice_number_seq").InSchema("billing");
        IfDatabase("postgres").Delete.Schema("billing");

        IfDatabase("sqlite").Delete.Table("invoices");
    }
}
