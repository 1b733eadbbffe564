namespace Migrations.Claims.Backfills;

/// <summary>
/// Fills storage_usage with one row per organisation that has files: the bytes and the number of
/// its branding_uploads plus its claim_documents (a document belongs to its claim's organisation).
/// lastSync takes its default, the moment of the backfill.
/// </summary>
public static class StorageUsageBackfill
{
    public static string Sql(ProviderSql sql) => $"""
        INSERT INTO "storage_usage" ("id", "orgId", "usedBytes", "fileCount")
        SELECT {sql.NewTextId}, files.org_id, SUM(files.size_bytes), COUNT(*)
        FROM (
            SELECT b."orgId" AS org_id, COALESCE(b."sizeBytes", 0) AS size_bytes FROM "branding_uploads" b
            UNION ALL
            SELECT c."orgId" AS org_id, COALESCE(d."sizeBytes", 0) AS size_bytes
            FROM "claim_documents" d JOIN "claims" c ON c."id" = d."claimId"
        ) files
        GROUP BY files.org_id
        """;
}
