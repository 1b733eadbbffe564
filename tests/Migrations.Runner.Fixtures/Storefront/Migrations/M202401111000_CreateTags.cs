using FluentMigrator;

namespace Storefront.Data.Migrations;

// FluentMigrator works out the Down() of this one.
[Migration(202401111000, "create tags and order_tags")]
public sealed class CreateTags : AutoReversingMigration
{
    public override void Up()
    {
        Create.Table("tags")
            .WithColumn("id").AsInt32().PrimaryKey().Identity()
            .WithColumn("name").AsString(50).NotNullable().Unique("ux_tags_name");

        Create.Table("order_tags")
            .WithColumn("order_id").AsInt64().NotNullable().PrimaryKey("pk_order_tags")
            .WithColumn("tag_id").AsInt32().NotNullable().PrimaryKey("pk_order_tags");

        Create.Index("ix_order_tags_tag_id").OnTable("order_tags").OnColumn("tag_id").Ascending();
    }
}
