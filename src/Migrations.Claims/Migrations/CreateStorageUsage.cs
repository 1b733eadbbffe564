using Migrations.Claims.Backfills;
using Migrations.Engine;

namespace Migrations.Claims.Migrations;

/// <summary>
/// Future Improvement 2: "Storage Usage Tracking Table", as the seed's storage_usage model, then
/// filled per organisation from the files Feature 5 counts today (branding_uploads and
/// claim_documents). The model has both @unique and @@index on orgId; both are kept, under
/// Prisma's names, so the schema is the one `prisma migrate` expects.
/// </summary>
[Migration(Versions.StorageUsage, "Future Improvement 2: storage_usage table, backfilled from branding_uploads and claim_documents")]
public sealed class CreateStorageUsage : Migration
{
    public override void Up()
    {
        Create.Table("storage_usage")
            .WithColumn("id").AsString().PrimaryKey("storage_usage_pkey")
            .WithColumn("orgId").AsString()
            .WithColumn("usedBytes").AsInt64().WithDefaultValue(0)
            .WithColumn("fileCount").AsInt32().WithDefaultValue(0)
            .WithColumn("lastSync").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Index("storage_usage_orgId_key").OnTable("storage_usage").OnColumn("orgId").Ascending().WithOptions().Unique();
        Create.Index("storage_usage_orgId_idx").OnTable("storage_usage").OnColumn("orgId");

        foreach (var provider in ProviderSql.All)
        {
            IfDatabase(provider.DatabaseType).Execute.Sql(StorageUsageBackfill.Sql(provider), "backfill storage_usage per organisation");
        }
    }

    public override void Down() => Delete.Table("storage_usage");
}
