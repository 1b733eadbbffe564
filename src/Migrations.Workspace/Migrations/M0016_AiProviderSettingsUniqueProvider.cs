using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0016: one configuration row per AI provider (the unique provider of the file name), read by the
/// AI router (ticket 08): enabled, default model, fallback provider, per-feature routing as JSON.
/// </summary>
[Migration(16, "0016_ai_provider_settings_unique_provider.sql")]
public sealed class M0016_AiProviderSettingsUniqueProvider : Migration
{
    public override void Up()
    {
        Create.Table("ai_provider_settings")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("provider").AsString().Check(Sql.In("provider", "gemini", "openai")).Unique("uq_ai_provider_settings_provider")
            .WithColumn("is_enabled").AsBoolean().WithDefaultValue(true)
            .WithColumn("default_model").AsString()
            .WithColumn("fallback_provider").AsString().Nullable().Check(Sql.In("fallback_provider", "gemini", "openai"))
            .WithColumn("feature_routing_json").AsCustom("jsonb").Nullable()
            .WithColumn("updated_by").AsString().Nullable().ForeignKey("fk_ai_provider_settings_updated_by", "admin_users", "id").OnDelete(Rule.SetNull)
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
    }

    public override void Down() => Delete.Table("ai_provider_settings");
}
