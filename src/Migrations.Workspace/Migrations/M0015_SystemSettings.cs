using System.Collections.Immutable;
using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0015: key-value system configuration, with the three documented settings. Values are TEXT
/// with a declared type the admin console parses: maintenance off, a 1.00 USD daily AI budget
/// per user, 60 requests per minute.
/// </summary>
[Migration(15, "0015_system_settings.sql")]
public sealed class M0015_SystemSettings : Migration
{
    private static readonly ImmutableArray<(string Key, string Value, string Type, string Description)> Defaults =
    [
        ("maintenance_mode", "false", "boolean", "When true the app shows a maintenance page and rejects writes."),
        ("max_ai_cost_per_user_daily", "1.00", "number", "Most a single user may spend on AI calls per UTC day, in USD."),
        ("default_rate_limit", "60", "number", "Requests per minute allowed per user unless overridden."),
    ];

    public override void Up()
    {
        Create.Table("system_settings")
            .WithColumn("key").AsString().PrimaryKey()
            .WithColumn("value").AsString()
            .WithColumn("value_type").AsString().WithDefaultValue("string").Check(Sql.In("value_type", "string", "number", "boolean", "json"))
            .WithColumn("description").AsString().Nullable()
            .WithColumn("updated_by").AsString().Nullable().ForeignKey("fk_system_settings_updated_by", "admin_users", "id").OnDelete(Rule.SetNull)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        foreach (var (key, value, type, description) in Defaults)
        {
            Insert.IntoTable("system_settings").Row(new { key, value, value_type = type, description });
        }
    }

    // The settings live only in this table: dropping it removes them with it.
    public override void Down() => Delete.Table("system_settings");
}
