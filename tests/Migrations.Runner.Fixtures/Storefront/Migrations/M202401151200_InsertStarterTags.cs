using FluentMigrator;

namespace Storefront.Data.Migrations;

[Migration(202401151200, "starter tags")]
public sealed class InsertStarterTags : Migration
{
    public override void Up() =>
        Insert.IntoTable("tags")
            .Row(new { name = "gift" })
            .Row(new { name = "express" });

    public override void Down() =>
        Delete.FromTable("tags")
            .Row(new { name = "gift" })
            .Row(new { name = "express" });
}
