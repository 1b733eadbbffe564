using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0003: admin accounts (separate from app users: the admin console has its own login) and the
/// audit trail. Audit rows outlive the admin who wrote them (SET NULL).
/// </summary>
[Migration(3, "0003_admin.sql")]
public sealed class M0003_Admin : Migration
{
    public override void Up()
    {
        Create.Table("admin_users")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("email").AsString().Unique("uq_admin_users_email")
            .WithColumn("password_hash").AsString()
            .WithColumn("display_name").AsString().Nullable()
            .WithColumn("role").AsString().WithDefaultValue("admin").Check(Sql.In("role", "super_admin", "admin", "support"))
            .WithColumn("is_active").AsBoolean().WithDefaultValue(true)
            .WithColumn("last_login_at").AsDateTime().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("audit_logs")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("admin_user_id").AsString().Nullable().ForeignKey("fk_audit_logs_admin_user_id", "admin_users", "id").OnDelete(Rule.SetNull)
            .WithColumn("action").AsString()
            .WithColumn("target_type").AsString().Nullable()
            .WithColumn("target_id").AsString().Nullable()
            .WithColumn("details_json").AsCustom("jsonb").Nullable()
            .WithColumn("ip_address").AsString().Nullable()
            .WithColumn("user_agent").AsString().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
    }

    public override void Down()
    {
        Delete.Table("audit_logs");
        Delete.Table("admin_users");
    }
}
