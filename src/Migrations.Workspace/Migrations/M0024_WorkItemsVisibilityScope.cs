using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0024 (ticket 07): work_items.visibility ('private', 'room') becomes visibility_scope ('private',
/// 'room', 'quest', 'squad'). The column is renamed, so every row keeps its value, then its CHECK
/// is widened: on SQLite that is a table rebuild (Alter.Column), on PostgreSQL the old CHECK
/// (PostgreSQL's name work_items_visibility_check) is dropped and the new one added.
/// Down() cannot keep 'quest' or 'squad': those rows become 'private', the narrowest audience,
/// so rolling back never shows an item to anyone who could not see it before.
/// </summary>
[Migration(24, "0024_work_items_visibility_scope.sql")]
public sealed class M0024_WorkItemsVisibilityScope : Migration
{
    public override void Up()
    {
        Rename.Column("visibility").OnTable("work_items").To("visibility_scope");
        IfDatabase("postgres").Delete.CheckConstraint("work_items_visibility_check").OnTable("work_items");
        Alter.Column("visibility_scope").OnTable("work_items")
            .AsString().NotNullable().WithDefaultValue("private").Check(Sql.In("visibility_scope", "private", "room", "quest", "squad"));
    }

    public override void Down()
    {
        Execute.Sql("UPDATE work_items SET visibility_scope = 'private' WHERE visibility_scope IN ('quest', 'squad')");
        IfDatabase("postgres").Delete.CheckConstraint("work_items_visibility_scope_check").OnTable("work_items");
        Rename.Column("visibility_scope").OnTable("work_items").To("visibility");
        Alter.Column("visibility").OnTable("work_items")
            .AsString().NotNullable().WithDefaultValue("private").Check(Sql.In("visibility", "private", "room"));
    }
}
