using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;
using static Migrations.Claims.Seeding.DemoData;

namespace Migrations.Claims.Seeding;

/// <summary>
/// <c>--profile Development</c>: the small demo data set of <see cref="DemoData"/>, for a laptop
/// or a preview deployment. Every row has a fixed key and is inserted with ON CONFLICT DO NOTHING,
/// so <c>migrate</c> or <c>seed</c> twice leaves the same rows. On an older schema (after a
/// rollback) each part whose table or column is not there yet is skipped with a log line.
/// </summary>
[Profile("Development")]
public sealed class DevelopmentSeed(ILogger<DevelopmentSeed> logger) : SeedProfile(logger)
{
    protected override string ProfileName => "Development";

    public override void Up()
    {
        if (!TableReady("claims", "all demo data"))
        {
            return;
        }

        Companies();
        ClaimsAndTheirRecords();
        Connections();
        ReportsAndEmails();
        Files();
        ContractorAssignments();
        StorageUsageRows();
    }

    private void Companies()
    {
        if (!TableReady("tradesCompany", "demo trades companies (and everything that names them)"))
        {
            return;
        }

        var insert = Insert.IntoTable("tradesCompany").OnConflictDoNothing();
        foreach (var company in DemoData.Companies)
        {
            insert.Row(new { id = company.Id, name = company.Name, email = company.Email, phone = company.Phone, createdAt = Start.AddDays(-30) });
        }
    }

    private void ClaimsAndTheirRecords()
    {
        var claims = Insert.IntoTable("claims").OnConflictDoNothing();
        foreach (var claim in DemoClaims)
        {
            claims.Row(new
            {
                id = claim.Id, orgId = claim.Org.Id, claimNumber = claim.Number, title = claim.Title, status = claim.Status,
                createdAt = At(claim.Day), updatedAt = At(claim.Day + 7),
            });
        }

        if (TableReady("claim_events", "demo claim events") && TableReady("tradesCompany", "demo contractor events"))
        {
            var events = Insert.IntoTable("claim_events").OnConflictDoNothing();
            foreach (var claim in DemoClaims)
            {
                events.Row(Event($"dev-evt-{claim.Id[4..]}-created", claim, "claim_created", claim.Org.Adjuster, $"{{\"claimNumber\": \"{claim.Number}\"}}", At(claim.Day)));
            }

            foreach (var a in Assignments)
            {
                events.Row(Event($"dev-evt-{a.Key}-assigned", a.Claim, "contractor_assigned", a.Claim.Org.Adjuster, CompanyJson(a.Company, a.Role, a.Notes), At(a.AssignedDay, 10)));
                if (a.AcceptedDay is { } accepted)
                {
                    events.Row(Event($"dev-evt-{a.Key}-accepted", a.Claim, "contractor_accepted", null, CompanyJson(a.Company), At(accepted, 11)));
                }

                if (a.CompletedDay is { } completed)
                {
                    events.Row(Event($"dev-evt-{a.Key}-completed", a.Claim, "contractor_completed", null, CompanyJson(a.Company), At(completed, 16)));
                }
            }

            events.Row(Event("dev-evt-claim-005-closed", DemoClaims[4], "status_changed", Harbor.Adjuster, "{\"from\": \"approved\", \"to\": \"closed\"}", At(DemoClaims[4].Day + 6)));
        }

        if (TableReady("ClaimTimelineEvent", "the demo portal timeline"))
        {
            var timeline = Insert.IntoTable("ClaimTimelineEvent").OnConflictDoNothing();
            foreach (var claim in DemoClaims)
            {
                timeline.Row(Timeline($"dev-tl-{claim.Id[4..]}-opened", claim, "claim_opened", "Claim opened", $"We received claim {claim.Number}.", true, At(claim.Day)));
                timeline.Row(Timeline($"dev-tl-{claim.Id[4..]}-adjuster", claim, "adjuster_note", "Adjuster assigned", "Internal: first call booked.", false, At(claim.Day, 2)));
            }

            foreach (var a in Assignments)
            {
                timeline.Row(Timeline($"dev-tl-{a.Key}-assigned", a.Claim, "contractor_assigned", $"{a.Company.Name} assigned", null, true, At(a.AssignedDay, 10)));
                if (a.CompletedDay is { } completed)
                {
                    timeline.Row(Timeline($"dev-tl-{a.Key}-completed", a.Claim, "work_completed", $"{a.Company.Name} finished the work", a.Notes, true, At(completed, 16)));
                }
            }
        }

        if (TableReady("PortalLink", "demo portal links"))
        {
            var links = Insert.IntoTable("PortalLink").OnConflictDoNothing();
            foreach (var claim in PortalClaims)
            {
                links.Row(new
                {
                    id = $"dev-portal-{claim.Id[4..]}", claimId = claim.Id, token = $"dev-portal-token-{claim.Number.ToLowerInvariant()}",
                    email = claim.Org.ClientEmail, expiresAt = At(claim.Day + 90), revokedAt = (DateTime?)null, createdAt = At(claim.Day, 1),
                });
            }
        }
    }

    private void Connections()
    {
        if (!TableReady("ClientProConnection", "demo client-to-pro connections") || !Schema.Table("tradesCompany").Exists())
        {
            return;
        }

        var connections = Insert.IntoTable("ClientProConnection").OnConflictDoNothing();
        foreach (var a in Assignments)
        {
            connections.Row(new
            {
                id = $"dev-cpc-{a.Key}", clientId = a.Claim.Org.Client, companyId = a.Company.Id,
                status = a.AcceptedDay is null ? "pending" : "accepted", createdAt = At(a.AssignedDay, 10),
            });
        }

        // The link to the claim is set apart from the insert, so rows seeded before the drift fix get it too.
        if (ColumnReady("ClientProConnection", "claimId", "linking demo connections to their claims"))
        {
            foreach (var a in Assignments)
            {
                Update.Table("ClientProConnection").Set(new { claimId = a.Claim.Id }).Where(new { id = $"dev-cpc-{a.Key}" });
            }
        }
    }

    private void ReportsAndEmails()
    {
        if (TableReady("ai_reports", "demo AI reports"))
        {
            var reports = Insert.IntoTable("ai_reports").OnConflictDoNothing();
            foreach (var r in Reports)
            {
                reports.Row(new
                {
                    id = r.Id, claimId = r.Claim.Id, orgId = r.Claim.Org.Id, type = r.Type, status = r.Status,
                    content = r.Status == "completed" ? $"{{\"summary\": \"{r.Claim.Title}: {r.Type.Replace('_', ' ')}\", \"pages\": 4}}" : null,
                    error = r.Status == "failed" ? "Missing photos of the damage" : null,
                    createdAt = At(r.Day), updatedAt = At(r.Day, 1),
                });
            }
        }

        if (TableReady("report_queue", "the demo report queue"))
        {
            var queue = Insert.IntoTable("report_queue").OnConflictDoNothing();
            foreach (var r in Reports)
            {
                var started = r.Status is "queued" ? (DateTime?)null : At(r.Day, 0).AddMinutes(5);
                queue.Row(new
                {
                    id = $"dev-queue-{r.Id[11..]}", reportId = r.Id, claimId = r.Claim.Id, orgId = r.Claim.Org.Id,
                    priority = r.Type == "settlement" ? 1 : 5, status = r.Status,
                    attempts = r.Status switch { "queued" => 0, "failed" => 3, _ => 1 },
                    lastError = r.Status == "failed" ? "Missing photos of the damage" : null,
                    scheduledFor = (DateTime?)At(r.Day), startedAt = started,
                    completedAt = r.Status is "completed" or "failed" ? At(r.Day, 1) : (DateTime?)null,
                    createdAt = At(r.Day),
                });
            }
        }

        var delivered = Reports.Where(r => r.Status == "completed").ToArray();
        if (TableReady("email_log", "the demo report e-mail log"))
        {
            var log = Insert.IntoTable("email_log").OnConflictDoNothing();
            foreach (var (r, i) in delivered.Select((r, i) => (r, i)))
            {
                log.Row(new
                {
                    id = $"dev-email-{r.Id[11..]}", reportId = r.Id, claimId = r.Claim.Id, orgId = r.Claim.Org.Id,
                    recipientEmail = r.Claim.Org.ClientEmail, recipientName = r.Claim.Org.ClientEmail.Split('@')[0],
                    subject = $"Your claim report for {r.Claim.Number}", resendId = $"dev-resend-{r.Id[11..]}",
                    status = i == 0 ? "opened" : "delivered", openedAt = i == 0 ? At(r.Day, 3) : (DateTime?)null, clickedAt = (DateTime?)null,
                    errorMessage = (string?)null, metadata = $"{{\"reportType\": \"{r.Type}\"}}", createdAt = At(r.Day, 2), updatedAt = At(r.Day, 3),
                });
            }
        }

        if (TableReady("email_queue", "demo queued e-mails"))
        {
            var mails = Insert.IntoTable("email_queue").OnConflictDoNothing();
            foreach (var r in delivered)
            {
                mails.Row(new
                {
                    id = $"dev-mail-{r.Id[11..]}", orgId = r.Claim.Org.Id, to = r.Claim.Org.ClientEmail, subject = $"Your claim report for {r.Claim.Number}",
                    template = "report-delivery", react_json = $"{{\"reportId\": \"{r.Id}\", \"claimId\": \"{r.Claim.Id}\"}}",
                    status = "sent", attempts = 1, lastError = (string?)null, sentAt = At(r.Day, 2), createdAt = At(r.Day, 2),
                });
            }
        }
    }

    private void Files()
    {
        if (TableReady("branding_uploads", "demo branding uploads"))
        {
            var uploads = Insert.IntoTable("branding_uploads").OnConflictDoNothing();
            foreach (var u in Uploads)
            {
                uploads.Row(new
                {
                    id = u.Id, orgId = u.Org.Id, kind = u.Kind, fileName = u.FileName, url = $"https://cdn.example.test/branding/{u.FileName}",
                    mimeType = u.MimeType, sizeBytes = u.SizeBytes, createdAt = Start.AddDays(-20),
                });
            }
        }

        if (TableReady("claim_documents", "demo claim documents"))
        {
            var documents = Insert.IntoTable("claim_documents").OnConflictDoNothing();
            foreach (var d in Documents)
            {
                documents.Row(new
                {
                    id = d.Id, claimId = d.Claim.Id, fileName = d.FileName, storagePath = $"claims/{d.Claim.Id}/{d.FileName}",
                    mimeType = d.MimeType, sizeBytes = d.SizeBytes, uploadedBy = d.Claim.Org.Adjuster, createdAt = At(d.Day, 4),
                });
            }
        }
    }

    private void ContractorAssignments()
    {
        if (!TableReady("ClaimContractor", "demo contractor assignments") || !Schema.Table("tradesCompany").Exists())
        {
            return;
        }

        // The same state the backfill derives from the contractor events above; a row the backfill
        // already made (other id, same claim and company) is left as it is.
        var rows = Insert.IntoTable("ClaimContractor").OnConflictDoNothing();
        foreach (var a in Assignments)
        {
            rows.Row(new
            {
                id = $"dev-cc-{a.Key}", claimId = a.Claim.Id, companyId = a.Company.Id, role = a.Role, status = a.Status,
                assignedAt = At(a.AssignedDay, 10),
                acceptedAt = a.AcceptedDay is { } accepted ? At(accepted, 11) : (DateTime?)null,
                completedAt = a.CompletedDay is { } completed ? At(completed, 16) : (DateTime?)null,
                notes = a.Notes,
            });
        }
    }

    private void StorageUsageRows()
    {
        if (!TableReady("storage_usage", "demo storage usage"))
        {
            return;
        }

        var rows = Insert.IntoTable("storage_usage").OnConflictDoNothing();
        foreach (var (org, usedBytes, fileCount) in StorageUsage())
        {
            rows.Row(new { id = $"dev-storage-{org.Id[8..]}", orgId = org.Id, usedBytes, fileCount, lastSync = Start.AddDays(10) });
        }
    }

    private static object Event(string id, Claim claim, string type, string? actorId, string data, DateTime at) =>
        new { id, claimId = claim.Id, orgId = claim.Org.Id, type, actorId, data, createdAt = at };

    private static object Timeline(string id, Claim claim, string type, string title, string? description, bool visibleToClient, DateTime at) =>
        new { id, claimId = claim.Id, type, title, description, visibleToClient, occurredAt = at, createdAt = at };
}
