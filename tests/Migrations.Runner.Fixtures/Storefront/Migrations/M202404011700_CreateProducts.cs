using FluentMigrator;

namespace Storefront.Data.Migrations;

[Migration(202404011700, "products")]
public sealed class CreateProducts : Migration
{
    public static readonly Guid SampleProduct = new("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    public override void Up()
    {
        Create.Table("products")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("sku").AsAnsiString(32).NotNullable().Unique("ux_products_sku")
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("description").AsString().Nullable()
            .WithColumn("country_code").AsFixedLengthAnsiString(2).Nullable()
            .WithColumn("currency").AsFixedLengthString(3).NotNullable().WithDefaultValue("EUR")
            .WithColumn("price").AsDecimal(10, 2).NotNullable()
            .WithColumn("list_price").AsCurrency().Nullable()
            .WithColumn("weight_kg").AsDouble().Nullable()
            .WithColumn("rating").AsFloat().Nullable()
            .WithColumn("stock").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("reorder_level").AsInt16().Nullable()
            .WithColumn("shelf").AsByte().Nullable()
            .WithColumn("views").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("is_published").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("thumbnail").AsBinary().Nullable()
            .WithColumn("available_from").AsDate().Nullable()
            .WithColumn("pickup_time").AsTime().Nullable()
            .WithColumn("created_at").AsDateTime().NotNullable().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime2().Nullable()
            .WithColumn("published_at").AsDateTimeOffset().Nullable()
            .WithColumn("external_ref").AsGuid().Nullable();

        Insert.IntoTable("products").Row(new
        {
            id = SampleProduct,
            sku = "MUG-001",
            name = "Storefront mug",
            country_code = "PT",
            price = 12.50m,
            list_price = 15.00m,
            weight_kg = 0.35,
            rating = 4.5f,
            stock = 40,
            reorder_level = (short)5,
            shelf = (byte)3,
            views = 1234567890123L,
            is_published = true,
            thumbnail = new byte[] { 0x89, 0x50, 0x4e, 0x47 },
            available_from = new DateTime(2024, 4, 1),
            published_at = new DateTimeOffset(2024, 4, 1, 9, 30, 0, TimeSpan.FromHours(1)),
        });
    }

    public override void Down() => Delete.Table("products");
}
