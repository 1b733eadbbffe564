using System.Data;

namespace Migrations.Filetrack.Migrations;

// Core tables, "Integrations": user_integrations.
public sealed partial class MasterConsolidatedSchema
{
    private void CreateIntegrations()
    {
        Create.Table("user_integrations").WithIdColumn("user_integrations")
            .WithReference("user_integrations", "userId", "users", Rule.Cascade)
            .WithColumn("provider").AsString(50)
            .WithColumn("accessToken").AsString().Nullable()
            .WithColumn("refreshToken").AsString().Nullable()
            .WithColumn("expiresAt").AsDateTimeOffset().Nullable()
            .WithColumn("scopes").AsCustom("text[]").Nullable()
            .WithColumn("metadata").AsCustom("jsonb").WithDefaultValue("{}")
            .WithColumn("isActive").AsBoolean().WithDefaultValue(true)
            .WithTimestamps();
        Create.Index("user_integrations_userId_provider_key").OnTable("user_integrations")
            .OnColumn("userId").Ascending().OnColumn("provider").Ascending().WithOptions().Unique();
    }
}
