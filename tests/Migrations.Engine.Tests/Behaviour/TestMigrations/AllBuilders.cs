using System.Data;
using FluentMigrator;
using FluentMigrator.Postgres;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.AllBuilders;

// Every builder of the authoring API (FluentMigrator's and ours), each step with an exact Down(), run on both providers.

[Migration(100, "tables with every column type, enum, defaults, identity, unique, indexed, column foreign key")]
public sealed class CreateCatalog : Migration
{
    public override void Up()
    {
        Create.Enum("item_kind").WithValues("book", "tool");
        Create.Table("Vendor")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Name").AsString(100).Unique()
            .WithColumn("Code").AsFixedLengthString(4).Nullable()
            .WithColumn("Legacy").AsAnsiString(20).Nullable()
            .WithColumn("CreatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Table("Item")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("VendorId").AsGuid().Nullable().ForeignKey("FK_Item_Vendor", "Vendor", "Id").OnDelete(Rule.SetNull).Indexed()
            .WithColumn("Kind").AsEnum("item_kind", "book", "tool")
            .WithColumn("Sku").AsString(40).Check("length(\"Sku\") > 0")
            .WithColumn("Price").AsDecimal(10, 2).WithDefaultValue(0)
            .WithColumn("Weight").AsDouble().Nullable()
            .WithColumn("Ratio").AsFloat().Nullable()
            .WithColumn("InStock").AsBoolean().WithDefaultValue(true)
            .WithColumn("Qty").AsInt16().WithDefaultValue(0)
            .WithColumn("Small").AsByte().Nullable()
            .WithColumn("Count32").AsInt32().Nullable()
            .WithColumn("Photo").AsBinary().Nullable()
            .WithColumn("ReleasedOn").AsDate().Nullable()
            .WithColumn("OpensAt").AsTime().Nullable()
            .WithColumn("UpdatedAt").AsDateTimeOffset().Nullable()
            .WithColumn("Stamp").AsDateTime2().Nullable()
            .WithColumn("Cost").AsCurrency().Nullable()
            .WithColumn("Spec").AsXml().Nullable()
            .WithColumn("Attrs").AsCustom("jsonb").Nullable()
            .WithColumn("Guid").AsGuid().WithDefault(SystemMethods.NewGuid);
    }

    public override void Down()
    {
        Delete.Table("Item");
        Delete.Table("Vendor");
        Delete.Enum("item_kind");
    }
}

[Migration(101, "primary key, unique and check constraints, indexes, foreign keys on existing tables")]
public sealed class AddConstraints : Migration
{
    public override void Up()
    {
        Create.Table("Tag").WithColumn("Id").AsInt32().NotNullable().WithColumn("Label").AsString(30);
        Create.PrimaryKey("PK_Tag").OnTable("Tag").Columns("Id");
        Create.UniqueConstraint("UC_Tag_Label").OnTable("Tag").Columns("Label");
        Create.CheckConstraint("CK_Item_Price").OnTable("Item").Expression("\"Price\" >= 0");
        Create.Index("IX_Item_Kind_Price").OnTable("Item").OnColumn("Kind").Ascending().OnColumn("Price").Descending();
        Create.Index("IX_Item_Sku_Stocked").OnTable("Item").OnColumn("Sku").Unique().WithOptions().Filter("\"Qty\" > 0");
        Create.Table("ItemTag").WithColumn("ItemId").AsInt64().PrimaryKey().WithColumn("TagId").AsInt32().PrimaryKey();
        Create.ForeignKey("FK_ItemTag_Item").FromTable("ItemTag").ForeignColumn("ItemId").ToTable("Item").PrimaryColumn("Id").OnDelete(Rule.Cascade);
        Create.ForeignKey("FK_ItemTag_Tag").FromTable("ItemTag").ForeignColumn("TagId").ToTable("Tag").PrimaryColumn("Id").OnDeleteOrUpdate(Rule.Cascade);
    }

    public override void Down()
    {
        Delete.ForeignKey("FK_ItemTag_Tag").OnTable("ItemTag");
        Delete.ForeignKey("FK_ItemTag_Item").OnTable("ItemTag");
        Delete.Table("ItemTag");
        Delete.Index("IX_Item_Sku_Stocked").OnTable("Item");
        Delete.Index("IX_Item_Kind_Price").OnTable("Item");
        Delete.CheckConstraint("CK_Item_Price").FromTable("Item");
        Delete.UniqueConstraint("UC_Tag_Label").FromTable("Tag");
        Delete.PrimaryKey("PK_Tag").FromTable("Tag");
        Delete.Table("Tag");
    }
}

[Migration(102, "add, alter, rename and delete columns; defaults")]
public sealed class ChangeColumns : Migration
{
    public override void Up()
    {
        Create.Column("Notes").OnTable("Vendor").AsString().Nullable();
        Alter.Table("Vendor")
            .AddColumn("Rating").AsInt32().NotNullable().WithDefaultValue(3)
            .AlterColumn("Legacy").AsAnsiString(40).Nullable();
        Alter.Column("Code").OnTable("Vendor").AsFixedLengthString(8).Nullable();
        Alter.Table("Vendor").AddColumn("Region").AsString(10).NotNullable().SetExistingRowsTo("EU");
        Rename.Column("Notes").OnTable("Vendor").To("Remarks");
        Delete.DefaultConstraint().OnTable("Item").OnColumn("Qty");
    }

    public override void Down()
    {
        Alter.Column("Qty").OnTable("Item").AsInt16().WithDefaultValue(0);
        Rename.Column("Remarks").OnTable("Vendor").To("Notes");
        Delete.Column("Region").FromTable("Vendor");
        Alter.Column("Code").OnTable("Vendor").AsFixedLengthString(4).Nullable();
        Alter.Table("Vendor").AlterColumn("Legacy").AsAnsiString(20).Nullable();
        Delete.Column("Rating").Column("Notes").FromTable("Vendor");
    }
}

[Migration(103, "rows, raw SQL, scripts, rename table, existence queries")]
public sealed class DataAndSql : Migration
{
    public static readonly Guid Acme = Guid.Parse("6d1f5e0a-8f0b-4b8e-9c4c-2a7d3c1b0e11");

    public override void Up()
    {
        Insert.IntoTable("Vendor").Row(new { Id = Acme, Name = "Acme", Region = "US" });
        if (Schema.Table("Vendor").Column("Rating").Exists())
        {
            Update.Table("Vendor").Set(new { Rating = 5 }).Where(new { Name = "Acme" });
        }

        Insert.IntoTable("Item").Row(new { VendorId = Acme, Kind = "book", Sku = "B-1", Qty = 2 });
        Delete.FromTable("Item").Row(new { Sku = "no such sku" });
        Execute.Sql("UPDATE \"Item\" SET \"Price\" = 9.5");
        Execute.EmbeddedScript("CreateItemSummary.sql");

        // Relative to the working directory (FluentMigrator's root path convention): the test output folder.
        Execute.Script("Behaviour/TestMigrations/Scripts/CountVendors.sql");
        Rename.Table("Tag").To("Label");
    }

    public override void Down()
    {
        Rename.Table("Label").To("Tag");
        Execute.Sql("DROP VIEW \"item_summary\"");
        Delete.FromTable("Item").AllRows();
        Delete.FromTable("Vendor").Row(new { Name = "Acme" });
    }
}

[Migration(104, "schemas and sequences, PostgreSQL only")]
public sealed class SchemasAndSequences : Migration
{
    public override void Up()
    {
        IfDatabase("postgres").Create.Schema("audit");
        IfDatabase("postgres").Create.Table("Event").InSchema("audit")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("ItemId").AsInt64().ForeignKey("FK_Event_Item", "public", "Item", "Id").OnDelete(Rule.Cascade);
        IfDatabase("postgres").Create.Sequence("invoice_no").IncrementBy(1).StartWith(1000).Cache(5);
    }

    public override void Down()
    {
        IfDatabase("postgres").Delete.Sequence("invoice_no");
        IfDatabase("postgres").Delete.Table("Event").InSchema("audit");
        IfDatabase("postgres").Delete.Schema("audit");
    }
}
