using FluentMigrator;

namespace D1Probe.Data;

// Three steps written against FluentMigrator alone. With D1PROBE_REFUSED=1 the third runs a
// statement SQLite accepts and D1 refuses (sqlite_version() is not authorised there), after
// statements that change rows and schema: its batch must fail on D1 as a whole.

[Migration(1, "0001_create_items.sql")]
public sealed class CreateItems : Migration
{
    public override void Up()
    {
        Create.Table("items").WithColumn("id").AsInt32().PrimaryKey().WithColumn("name").AsString();
        Insert.IntoTable("items").Row(new { id = 1, name = "it's one" }).Row(new { id = 2, name = "two" });
    }

    public override void Down() => Delete.Table("items");
}

[Migration(2, "0002_create_notes.sql")]
public sealed class CreateNotes : Migration
{
    public override void Up() =>
        Create.Table("notes").WithColumn("id").AsInt32().PrimaryKey().WithColumn("item_id").AsInt32().ForeignKey("fk_notes_item", "items", "id").OnDelete(System.Data.Rule.Cascade);

    public override void Down() => Delete.Table("notes");
}

[Migration(3, "0003_tag_items.sql")]
public sealed class TagItems : Migration
{
    public override void Up()
    {
        Create.Table("tags").WithColumn("id").AsInt32().PrimaryKey();
        Execute.Sql("UPDATE items SET name = 'renamed'");
        Execute.Sql("DELETE FROM items WHERE id = 2");
        if (Environment.GetEnvironmentVariable("D1PROBE_REFUSED") == "1")
        {
            Execute.Sql("SELECT sqlite_version()");
        }
    }

    public override void Down() => Delete.Table("tags");
}
