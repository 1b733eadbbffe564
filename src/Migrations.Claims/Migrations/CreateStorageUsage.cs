using FluentMigrator;

namespace Migrations.Claims.Migrations;

/// <summary>
/// Future Improvement 2: "Storage Usage Tracking Table", as the seed's storage_usage model, then
/// filled per organisation from the files Feature 5 counts today (branding_uploads and
/// claim_documents). The model has both @unique and @@index on orgId; both are kept, under
/// Prisma's names, so the schema is the one `prisma migrate` expects.
/// </summary>
[Migration(ClaimsVersions.StorageUsage, "Future Improvement 2: storage_usage table, backfilled from branding_uploads and claim_documents")]
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

        // Only the fresh text id differs per provider (Prisma's cuid() is made by the client, not the database).
        IfDatabase("postgres").Execute.Sql(Backfill(newTextId: "replace(gen_random_uuid()::text, '-', '')"), "backfill storage_usage per organisation");
        IfDatabase("sqlite").Execute.Sql(Backfill(newTextId: "lower(hex(randomblob(16)))"), "backfill storage_usage per organisation");
    }

    public override void Down() => Delete.Table("storage_usage");

    /// <summary>
    /// One row per organisation that has files: the bytes and the number of its branding_uploads plus
    /// its claim_documents (a document belongs to its claim's organisation). lastSync takes its
    /// default, the moment of the backfill.
    /// </summary>
    private static string Backfill(string newTextId) => $"""
        INSERT INTO "storage_usage" ("id", "orgId", "usedBytes", "fileCount")
        SELECT {newTextId}, files.org_id, SUM(files.size_bytes), COUNT(*)
        FROM (
            SELECT b."orgId" AS org_id, COALESCE(b."sizeBytes", 0) AS size_bytes FROM "branding_uploads" b
            UNION ALL
            SELECT c."orgId" AS org_id, COALESCE(d."sizeBytes", 0) AS size_bytes
            FROM "claim_documents" d JOIN "claims" c ON c."id" = d."claimId"
        ) files
        GROUP BY files.org_id
        """;
}
