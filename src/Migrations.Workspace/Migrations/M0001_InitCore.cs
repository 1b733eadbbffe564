using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0001: the core tables. Ids are TEXT (the app generates them, as on D1); timestamps default to
/// the current UTC time. Enum-like columns are TEXT with a CHECK over the allowed values.
/// </summary>
[Migration(1, "0001_init_core.sql")]
public sealed class M0001_InitCore : Migration
{
    public override void Up()
    {
        Create.Table("users")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("email").AsString()
            .WithColumn("display_name").AsString()
            .WithColumn("avatar_url").AsString().Nullable()
            .WithColumn("bio").AsString().Nullable()
            .WithColumn("timezone").AsString().Nullable()
            .WithColumn("status").AsString().WithDefaultValue("active").Check(Sql.In("status", "active", "suspended", "deleted"))
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("workspaces")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("owner_id").AsString().ForeignKey("fk_workspaces_owner_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("name").AsString()
            .WithColumn("description").AsString().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // "Workspace hierarchy": the member's role orders who may do what inside a workspace.
        Create.Table("workspace_members")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("workspace_id").AsString().ForeignKey("fk_workspace_members_workspace_id", "workspaces", "id").OnDelete(Rule.Cascade)
            .WithColumn("user_id").AsString().ForeignKey("fk_workspace_members_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("role").AsString().WithDefaultValue("member").Check(Sql.In("role", "owner", "admin", "member"))
            .WithColumn("joined_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("uq_workspace_members_workspace_user").OnTable("workspace_members")
            .OnColumn("workspace_id").Ascending().OnColumn("user_id").Ascending().WithOptions().Unique();

        Create.Table("rooms")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("workspace_id").AsString().ForeignKey("fk_rooms_workspace_id", "workspaces", "id").OnDelete(Rule.Cascade)
            .WithColumn("name").AsString()
            .WithColumn("description").AsString().Nullable()
            .WithColumn("is_private").AsBoolean().WithDefaultValue(false)
            .WithColumn("created_by").AsString().Nullable().ForeignKey("fk_rooms_created_by", "users", "id").OnDelete(Rule.SetNull)
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("room_members")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("room_id").AsString().ForeignKey("fk_room_members_room_id", "rooms", "id").OnDelete(Rule.Cascade)
            .WithColumn("user_id").AsString().ForeignKey("fk_room_members_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("role").AsString().WithDefaultValue("member").Check(Sql.In("role", "owner", "member"))
            .WithColumn("joined_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("uq_room_members_room_user").OnTable("room_members")
            .OnColumn("room_id").Ascending().OnColumn("user_id").Ascending().WithOptions().Unique();

        // Work item types: task (to do) and scheduled (has a time). The visibility 0001 knows is
        // private/room; 0024 replaces it with visibility_scope. Items outlive their room or
        // workspace (SET NULL) but belong to their owner (CASCADE).
        Create.Table("work_items")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("user_id").AsString().ForeignKey("fk_work_items_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("workspace_id").AsString().Nullable().ForeignKey("fk_work_items_workspace_id", "workspaces", "id").OnDelete(Rule.SetNull)
            .WithColumn("room_id").AsString().Nullable().ForeignKey("fk_work_items_room_id", "rooms", "id").OnDelete(Rule.SetNull)
            .WithColumn("type").AsString().WithDefaultValue("task").Check(Sql.In("type", "task", "scheduled"))
            .WithColumn("title").AsString()
            .WithColumn("description").AsString().Nullable()
            .WithColumn("status").AsString().WithDefaultValue("todo").Check(Sql.In("status", "todo", "in_progress", "done", "cancelled"))
            .WithColumn("visibility").AsString().WithDefaultValue("private").Check(Sql.In("visibility", "private", "room"))
            .WithColumn("due_at").AsDateTime().Nullable()
            .WithColumn("scheduled_at").AsDateTime().Nullable()
            .WithColumn("completed_at").AsDateTime().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // Notification kinds stay open TEXT: later features (thread invites, 0026) add kinds without a rebuild.
        Create.Table("inbox_items")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("user_id").AsString().ForeignKey("fk_inbox_items_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("kind").AsString()
            .WithColumn("title").AsString()
            .WithColumn("body").AsString().Nullable()
            .WithColumn("link").AsString().Nullable()
            .WithColumn("is_read").AsBoolean().WithDefaultValue(false)
            .WithColumn("read_at").AsDateTime().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // No unique pair yet: 0010 adds it after resolving the duplicates this allowed.
        Create.Table("relationships")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("user_id").AsString().ForeignKey("fk_relationships_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("related_user_id").AsString().ForeignKey("fk_relationships_related_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("relationship_type").AsString().WithDefaultValue("friend").Check(Sql.In("relationship_type", "friend", "blocked"))
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
    }

    public override void Down()
    {
        Delete.Table("relationships");
        Delete.Table("inbox_items");
        Delete.Table("work_items");
        Delete.Table("room_members");
        Delete.Table("rooms");
        Delete.Table("workspace_members");
        Delete.Table("workspaces");
        Delete.Table("users");
    }
}
