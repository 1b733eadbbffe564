using FluentMigrator;

namespace Migrations.Workspace;

/// <summary>0018: the router looks keys up by provider.</summary>
[Migration(18, "0018_ai_provider_keys_index.sql")]
public sealed class M0018_AiProviderKeysIndex : Migration
{
    public override void Up() => Create.Index("idx_ai_provider_keys_provider").OnTable("ai_provider_keys").OnColumn("provider").Ascending();

    public override void Down() => Delete.Index("idx_ai_provider_keys_provider").OnTable("ai_provider_keys");
}
