using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0014: bulk imports run from the admin console, one session per uploaded file, and the rows that
/// failed. A session survives its admin's deletion (SET NULL); errors go with their session (CASCADE).
/// </summary>
[Migration(14, "0014_admin_import_sessions.sql")]
public sealed class M0014_AdminImportSessions : Migration
{
    public override void Up()
    {
        Create.Table("admin_import_sessions")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("admin_user_id").AsString().Nullable().ForeignKey("fk_admin_import_sessions_admin_user_id", "admin_users", "id").OnDelete(Rule.SetNull)
            .WithColumn("import_type").AsString().Check(Sql.In("import_type", "users", "workspaces", "workspace_members", "lists"))
            .WithColumn("file_name").AsString().Nullable()
            .WithColumn("status").AsString().WithDefaultValue("pending").Check(Sql.In("status", "pending", "processing", "completed", "failed", "cancelled"))
            .WithColumn("total_rows").AsInt32().WithDefaultValue(0)
            .WithColumn("processed_rows").AsInt32().WithDefaultValue(0)
            .WithColumn("error_rows").AsInt32().WithDefaultValue(0)
            .WithColumn("started_at").AsDateTime().Nullable()
            .WithColumn("completed_at").AsDateTime().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("admin_import_errors")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("session_id").AsString().ForeignKey("fk_admin_import_errors_session_id", "admin_import_sessions", "id").OnDelete(Rule.Cascade)
            .WithColumn("row_number").AsInt32()
            .WithColumn("field_name").AsString().Nullable()
            .WithColumn("error_message").AsString()
            .WithColumn("raw_data").AsCustom("jsonb").Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Index("idx_admin_import_sessions_admin_user_id").OnTable("admin_import_sessions").OnColumn("admin_user_id").Ascending();
        Create.Index("idx_admin_import_sessions_status").OnTable("admin_import_sessions").OnColumn("status").Ascending();
        Create.Index("idx_admin_import_errors_session_id").OnTable("admin_import_errors").OnColumn("session_id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("admin_import_errors");
        Delete.Table("admin_import_sessions");
    }
}
