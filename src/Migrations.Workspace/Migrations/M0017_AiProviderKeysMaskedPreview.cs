using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0017: provider API keys. The key itself is stored encrypted; masked_preview ("sk-...abcd") is
/// what the console shows. Revoking sets revoked_at, keeping the row for the audit trail.
/// </summary>
[Migration(17, "0017_ai_provider_keys_masked_preview.sql")]
public sealed class M0017_AiProviderKeysMaskedPreview : Migration
{
    public override void Up()
    {
        Create.Table("ai_provider_keys")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("provider").AsString().Check(Sql.In("provider", "gemini", "openai"))
            .WithColumn("label").AsString().Nullable()
            .WithColumn("encrypted_key").AsString()
            .WithColumn("masked_preview").AsString()
            .WithColumn("is_active").AsBoolean().WithDefaultValue(true)
            .WithColumn("created_by").AsString().Nullable().ForeignKey("fk_ai_provider_keys_created_by", "admin_users", "id").OnDelete(Rule.SetNull)
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("last_used_at").AsDateTime().Nullable()
            .WithColumn("revoked_at").AsDateTime().Nullable();
    }

    public override void Down() => Delete.Table("ai_provider_keys");
}
