using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>0002: shared lists with items and member access, hosted (public) events and their participants.</summary>
[Migration(2, "0002_team_lists_events.sql")]
public sealed class M0002_TeamListsEvents : Migration
{
    public override void Up()
    {
        Create.Table("lists")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("owner_id").AsString().ForeignKey("fk_lists_owner_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("workspace_id").AsString().Nullable().ForeignKey("fk_lists_workspace_id", "workspaces", "id").OnDelete(Rule.SetNull)
            .WithColumn("title").AsString()
            .WithColumn("description").AsString().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("list_items")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("list_id").AsString().ForeignKey("fk_list_items_list_id", "lists", "id").OnDelete(Rule.Cascade)
            .WithColumn("content").AsString()
            .WithColumn("is_done").AsBoolean().WithDefaultValue(false)
            .WithColumn("position").AsInt32().WithDefaultValue(0)
            .WithColumn("created_by").AsString().Nullable().ForeignKey("fk_list_items_created_by", "users", "id").OnDelete(Rule.SetNull)
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("list_members")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("list_id").AsString().ForeignKey("fk_list_members_list_id", "lists", "id").OnDelete(Rule.Cascade)
            .WithColumn("user_id").AsString().ForeignKey("fk_list_members_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("role").AsString().WithDefaultValue("viewer").Check(Sql.In("role", "owner", "editor", "viewer"))
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("uq_list_members_list_user").OnTable("list_members")
            .OnColumn("list_id").Ascending().OnColumn("user_id").Ascending().WithOptions().Unique();

        Create.Table("hosted_events")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("host_user_id").AsString().ForeignKey("fk_hosted_events_host_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("workspace_id").AsString().Nullable().ForeignKey("fk_hosted_events_workspace_id", "workspaces", "id").OnDelete(Rule.SetNull)
            .WithColumn("title").AsString()
            .WithColumn("description").AsString().Nullable()
            .WithColumn("location").AsString().Nullable()
            .WithColumn("starts_at").AsDateTime()
            .WithColumn("ends_at").AsDateTime().Nullable()
            .WithColumn("capacity").AsInt32().Nullable()
            .WithColumn("status").AsString().WithDefaultValue("scheduled").Check(Sql.In("status", "scheduled", "cancelled", "completed"))
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("event_participants")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("event_id").AsString().ForeignKey("fk_event_participants_event_id", "hosted_events", "id").OnDelete(Rule.Cascade)
            .WithColumn("user_id").AsString().ForeignKey("fk_event_participants_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("status").AsString().WithDefaultValue("going").Check(Sql.In("status", "going", "maybe", "declined"))
            .WithColumn("joined_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("uq_event_participants_event_user").OnTable("event_participants")
            .OnColumn("event_id").Ascending().OnColumn("user_id").Ascending().WithOptions().Unique();
    }

    public override void Down()
    {
        Delete.Table("event_participants");
        Delete.Table("hosted_events");
        Delete.Table("list_members");
        Delete.Table("list_items");
        Delete.Table("lists");
    }
}
