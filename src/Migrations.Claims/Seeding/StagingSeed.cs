using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;

namespace Migrations.Claims.Seeding;

/// <summary>
/// <c>--profile Staging --seed-scale N</c>: volume data for load tests (see <see cref="StagingData"/>):
/// N rows in claim_events, N/10 claims, and the other tables in proportion, streamed by
/// <c>Bulk</c> (binary COPY on PostgreSQL, one prepared INSERT on SQLite). It first deletes what a
/// previous Staging seed generated (its "stg-" / "5a9e0000-" key space, children first), then
/// inserts parents before children, so seeding twice gives the same rows. Tables an older schema
/// does not have yet are skipped with a log line. The scale is the run's <c>--seed-scale</c>, given
/// through the constructor (FluentMigrator makes profiles through dependency injection).
/// </summary>
[Profile("Staging")]
public sealed class StagingSeed(RunSettings run, ILogger<StagingSeed> logger) : SeedProfile(logger)
{
    private const string Text = "stg-%";

    protected override string ProfileName => "Staging";

    public override void Up()
    {
        if (!TableReady("claims", "all volume data"))
        {
            return;
        }

        var data = new StagingData(run.SeedScale);
        Log($"Staging seed: scale {data.Scale}: {data.Scale} claim events, {data.Claims} claims, {data.Companies} trades companies, {data.Organisations} organisations");

        var has = new[]
        {
            "claims", "tradesCompany", "ClientProConnection", "ai_reports", "ClaimTimelineEvent", "PortalLink", "claim_events",
            "email_queue", "branding_uploads", "claim_documents", "email_log", "ClaimContractor", "storage_usage", "report_queue",
        }.ToDictionary(t => t, t => TableReady(t, "its volume rows"), StringComparer.Ordinal);
        var connectionsHaveClaim = has["ClientProConnection"]
            && ColumnReady("ClientProConnection", "claimId", "linking volume connections to their claims");

        // 1. Forget the previous Staging seed, children before parents. Rows the backfills made from
        //    staging events or files have other ids, so they are found by their claim or organisation.
        DeleteWhere(has, "ClaimContractor", $"\"claimId\" LIKE '{Text}' OR CAST(\"companyId\" AS TEXT) LIKE '{StagingData.CompanyUuidPrefix}%'");
        DeleteWhere(has, "ClientProConnection", $"\"id\" LIKE '{Text}' OR CAST(\"companyId\" AS TEXT) LIKE '{StagingData.CompanyUuidPrefix}%'");
        DeleteWhere(has, "report_queue", $"\"id\" LIKE '{Text}' OR \"claimId\" LIKE '{Text}'");
        DeleteWhere(has, "email_log", $"\"id\" LIKE '{Text}' OR \"claimId\" LIKE '{Text}'");
        DeleteWhere(has, "email_queue", $"\"id\" LIKE '{Text}'");
        DeleteWhere(has, "storage_usage", $"\"orgId\" LIKE '{Text}'");
        DeleteWhere(has, "branding_uploads", $"\"id\" LIKE '{Text}'");
        DeleteWhere(has, "claim_documents", $"\"claimId\" LIKE '{Text}'");
        DeleteWhere(has, "claim_events", $"\"claimId\" LIKE '{Text}'");
        DeleteWhere(has, "ClaimTimelineEvent", $"\"claimId\" LIKE '{Text}'");
        DeleteWhere(has, "PortalLink", $"\"claimId\" LIKE '{Text}'");
        DeleteWhere(has, "ai_reports", $"\"claimId\" LIKE '{Text}'");
        DeleteWhere(has, "claims", $"\"id\" LIKE '{Text}'");
        DeleteWhere(has, "tradesCompany", $"CAST(\"id\" AS TEXT) LIKE '{StagingData.CompanyUuidPrefix}%'");

        // 2. Generate again, parents before children.
        BulkInto(has, "tradesCompany", ["id", "name", "email", "phone", "createdAt"], data.TradesCompanies);
        BulkInto(has, "claims", ["id", "orgId", "claimNumber", "title", "status", "createdAt", "updatedAt"], data.ClaimRows);
        var companies = has["tradesCompany"];
        if (companies)
        {
            BulkInto(has, "claim_events", ["id", "claimId", "orgId", "type", "actorId", "data", "createdAt"], data.ClaimEvents);
        }
        else if (has["claim_events"])
        {
            Log("Staging seed: tradesCompany is missing, so claim_events (whose contractor events name companies) is skipped");
        }

        BulkInto(has, "ClaimTimelineEvent", ["id", "claimId", "type", "title", "description", "visibleToClient", "occurredAt", "createdAt"], data.Timeline);
        BulkInto(has, "PortalLink", ["id", "claimId", "token", "email", "expiresAt", "revokedAt", "createdAt"], data.PortalLinks);
        if (companies)
        {
            BulkInto(has, "ClientProConnection",
                connectionsHaveClaim ? ["id", "clientId", "companyId", "status", "createdAt", "claimId"] : ["id", "clientId", "companyId", "status", "createdAt"],
                () => data.Connections(connectionsHaveClaim));
            BulkInto(has, "ClaimContractor", ["id", "claimId", "companyId", "role", "status", "assignedAt", "acceptedAt", "completedAt", "notes"], data.ContractorAssignments);
        }

        BulkInto(has, "ai_reports", ["id", "claimId", "orgId", "type", "status", "content", "error", "createdAt", "updatedAt"], data.AiReports);
        if (has["ai_reports"])
        {
            BulkInto(has, "report_queue",
                ["id", "reportId", "claimId", "orgId", "priority", "status", "attempts", "lastError", "scheduledFor", "startedAt", "completedAt", "createdAt"],
                data.ReportQueue);
            BulkInto(has, "email_log",
                ["id", "reportId", "claimId", "orgId", "recipientEmail", "recipientName", "subject", "resendId", "status", "openedAt", "clickedAt", "errorMessage", "metadata", "createdAt", "updatedAt"],
                data.EmailLog);
            BulkInto(has, "email_queue", ["id", "orgId", "to", "subject", "template", "react_json", "status", "attempts", "lastError", "sentAt", "createdAt"], data.EmailQueue);
        }

        BulkInto(has, "claim_documents", ["id", "claimId", "fileName", "storagePath", "mimeType", "sizeBytes", "uploadedBy", "createdAt"], data.ClaimDocuments);
        BulkInto(has, "branding_uploads", ["id", "orgId", "kind", "fileName", "url", "mimeType", "sizeBytes", "createdAt"], data.BrandingUploads);
        var documents = has["claim_documents"];
        if (has["branding_uploads"])
        {
            BulkInto(has, "storage_usage", ["id", "orgId", "usedBytes", "fileCount", "lastSync"], () => data.StorageUsage(documents));
        }
    }

    private void DeleteWhere(Dictionary<string, bool> has, string table, string condition)
    {
        if (has[table])
        {
            Execute.Sql($"DELETE FROM \"{table}\" WHERE {condition}", $"forget the previous Staging rows of {table}");
        }
    }

    private void BulkInto(Dictionary<string, bool> has, string table, string[] columns, Func<IEnumerable<object?[]>> rows)
    {
        if (has[table])
        {
            Insert.IntoTable(table).Bulk(columns, rows);
        }
    }
}
