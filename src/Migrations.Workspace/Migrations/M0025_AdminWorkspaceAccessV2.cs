using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0025, "update workspace access controls, improve admin permission system", made concrete:
/// before it, every admin could open every workspace. Now admin_users.workspace_access says
/// whether an admin sees 'all' workspaces (the default, so existing admins keep what they had)
/// or only 'assigned' ones, and admin_workspace_access holds those assignments: one row per admin
/// and workspace with an access level ('read', 'write', 'manage'), who granted it, an optional
/// expiry and a revocation time (revoked rows stay for the audit trail).
/// </summary>
[Migration(25, "0025_admin_workspace_access_v2.sql")]
public sealed class M0025_AdminWorkspaceAccessV2 : Migration
{
    public override void Up()
    {
        Alter.Table("admin_users")
            .AddColumn("workspace_access").AsString().NotNullable().WithDefaultValue("all")
            .Check(Sql.In("workspace_access", "all", "assigned"));

        Create.Table("admin_workspace_access")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("admin_user_id").AsString().ForeignKey("fk_admin_workspace_access_admin_user_id", "admin_users", "id").OnDelete(Rule.Cascade)
            .WithColumn("workspace_id").AsString().ForeignKey("fk_admin_workspace_access_workspace_id", "workspaces", "id").OnDelete(Rule.Cascade)
            .WithColumn("access_level").AsString().WithDefaultValue("read").Check(Sql.In("access_level", "read", "write", "manage"))
            .WithColumn("granted_by").AsString().Nullable().ForeignKey("fk_admin_workspace_access_granted_by", "admin_users", "id").OnDelete(Rule.SetNull)
            .WithColumn("granted_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("expires_at").AsDateTime().Nullable()
            .WithColumn("revoked_at").AsDateTime().Nullable();

        Create.Index("uq_admin_workspace_access_admin_workspace").OnTable("admin_workspace_access")
            .OnColumn("admin_user_id").Ascending().OnColumn("workspace_id").Ascending().WithOptions().Unique();
        Create.Index("idx_admin_workspace_access_workspace_id").OnTable("admin_workspace_access").OnColumn("workspace_id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("admin_workspace_access");
        Delete.Column("workspace_access").FromTable("admin_users");
    }
}
