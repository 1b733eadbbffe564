using FluentMigrator;
using Microsoft.Extensions.Logging;

namespace Migrations.Clearway;

/// <summary>
/// The Development profile: a small, coherent demo of the app for a laptop. Three organizations
/// (a family office, a fund-of-funds manager, an endowment) and one individual investor; their
/// uploaded capital call notices in every status, the payments of the paid ones, and one or two
/// rows in every Phase 2 table so every screen has something to show. Every id starts with
/// <c>dev-</c> and is fixed, and every insert is <c>ON CONFLICT DO NOTHING</c>: migrating or
/// seeding again leaves the rows as they are. On an older schema the tables that are not there
/// yet are skipped with a log line (<see cref="ClearwaySeedProfile"/>).
/// </summary>
[Profile("Development")]
public sealed class DevelopmentDemoData(ILogger<DevelopmentDemoData> logger) : ClearwaySeedProfile(logger)
{
    private const string Northwind = "dev-org-northwind";
    private const string Harbor = "dev-org-harbor";
    private const string Summit = "dev-org-summit";

    private const string Alice = "dev-user-alice";
    private const string Ben = "dev-user-ben";
    private const string Carla = "dev-user-carla";
    private const string Omar = "dev-user-omar";
    private const string Priya = "dev-user-priya";
    private const string Sam = "dev-user-sam";

    private const string Redwood = "Redwood Growth Fund IV";
    private const string Atlas = "Atlas Infrastructure Fund II";
    private const string Meridian = "Meridian Credit Opportunities";
    private const string Harborview = "Harborview Real Estate III";

    /// <summary>Counts the tests check (one row per entry of the tables below).</summary>
    public static readonly IReadOnlyDictionary<string, int> ExpectedRows = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Organization"] = 3, ["User"] = 6, ["Document"] = 9, ["CapitalCall"] = 8,
        ["AccountingConnection"] = 2, ["AccountingTransaction"] = 2, ["SignatureRequest"] = 2, ["WebhookEndpoint"] = 1, ["WebhookDelivery"] = 2,
        ["BankAccount"] = 2, ["Payment"] = 3, ["StatementReconciliation"] = 1,
        ["FundAdministrator"] = 3, ["FundAdminConnection"] = 1, ["InvestorMapping"] = 2, ["FundMapping"] = 2, ["FundAdminSync"] = 2,
        ["UnmappedInvestor"] = 1, ["WebhookLog"] = 2,
        ["AuditLog"] = 3, ["LegalHold"] = 1, ["DataProcessingAgreement"] = 1,
        ["OrganizationRole"] = 1, ["OrganizationMember"] = 5, ["OrganizationInvite"] = 1, ["SSOConnection"] = 1,
        ["ScheduledReport"] = 1, ["ReportExecution"] = 2,
    };

    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    protected override void Seed()
    {
        CoreMvp();
        IntegrationExpansion();
        PaymentProcessing();
        FundAdministratorIntegration();
        SecurityAndCompliance();
        MultiTenantAndEnterprise();
        AnalyticsAndReporting();
        Log($"seeded the demo data set (ids dev-*){(Skipped.Count == 0 ? "" : $", skipped {Skipped.Count} table(s)")}");
    }

    private void CoreMvp()
    {
        Rows("Organization", [],
            new { id = Northwind, name = "Northwind Family Office", slug = "northwind" },
            new { id = Harbor, name = "Harbor Capital Partners", slug = "harbor-capital" },
            new { id = Summit, name = "Summit University Endowment", slug = "summit-endowment" });

        Rows("User", ["Organization"],
            new { id = Alice, email = "alice@northwind.example", name = "Alice Chen", organizationId = (string?)Northwind },
            new { id = Ben, email = "ben@northwind.example", name = "Ben Okafor", organizationId = (string?)Northwind },
            new { id = Carla, email = "carla@harborcap.example", name = "Carla Diaz", organizationId = (string?)Harbor },
            new { id = Omar, email = "omar@harborcap.example", name = "Omar Haddad", organizationId = (string?)Harbor },
            new { id = Priya, email = "priya@summit.example", name = "Priya Natarajan", organizationId = (string?)Summit },
            // An individual investor, in no organization.
            new { id = Sam, email = "sam.rivera@example.com", name = "Sam Rivera", organizationId = (string?)null });

        // One notice per call; dev-doc-09 is still being extracted, so it has no call yet.
        var calls = new[]
        {
            (n: 1, user: Alice, org: (string?)Northwind, fund: Redwood, amount: 250_000.00m, due: Utc(2025, 1, 15), status: "PAID"),
            (n: 2, user: Alice, org: (string?)Northwind, fund: Redwood, amount: 125_000.00m, due: Utc(2025, 4, 15), status: "APPROVED"),
            (n: 3, user: Ben, org: (string?)Northwind, fund: Atlas, amount: 80_000.00m, due: Utc(2025, 2, 28), status: "PENDING_REVIEW"),
            (n: 4, user: Carla, org: (string?)Harbor, fund: Meridian, amount: 500_000.00m, due: Utc(2025, 3, 31), status: "PAID"),
            (n: 5, user: Omar, org: (string?)Harbor, fund: Meridian, amount: 75_000.50m, due: Utc(2025, 5, 30), status: "REJECTED"),
            (n: 6, user: Priya, org: (string?)Summit, fund: Atlas, amount: 1_000_000.00m, due: Utc(2025, 6, 30), status: "APPROVED"),
            (n: 7, user: Priya, org: (string?)Summit, fund: Redwood, amount: 300_000.00m, due: Utc(2025, 1, 31), status: "PAID"),
            (n: 8, user: Sam, org: (string?)null, fund: Harborview, amount: 25_000.00m, due: Utc(2025, 7, 15), status: "PENDING_REVIEW"),
        };

        Rows("Document", ["User", "Organization"],
            calls.Select(c => (object)new
            {
                id = $"dev-doc-{c.n:D2}", fileName = $"{c.fund} - capital call notice {c.n}.pdf", fileUrl = $"https://files.clearway.example/dev/notice-{c.n:D2}.pdf",
                fileSize = 180_000L + (c.n * 1_024L), mimeType = "application/pdf", status = "PROCESSED", uploadedAt = c.due.AddDays(-30), userId = c.user, organizationId = c.org,
            }).Append(new
            {
                id = "dev-doc-09", fileName = "Harborview Real Estate III - Q3 notice.pdf", fileUrl = "https://files.clearway.example/dev/notice-09.pdf",
                fileSize = 96_512L, mimeType = "application/pdf", status = "PROCESSING", uploadedAt = Utc(2025, 7, 20), userId = Sam, organizationId = (string?)null,
            }).ToArray());

        Rows("CapitalCall", ["Document", "User"],
            calls.Select(c => (object)new
            {
                id = $"dev-call-{c.n:D2}", documentId = $"dev-doc-{c.n:D2}", userId = c.user, fundName = c.fund,
                investorEmail = (string?)$"{c.user[9..]}@investor.example", investorAccount = (string?)$"LP-{c.n:D4}",
                amountDue = c.amount, currency = "USD", dueDate = c.due, status = c.status,
                bankDetails = (string?)$$"""{"bankName":"First Harbor Bank","accountName":"{{c.fund}}","routingNumber":"021000021","accountNumber":"****{{1000 + c.n}}"}""",
                extractionConfidence = (double?)(0.90 + (c.n / 100.0)),
                approvedAt = c.status is "APPROVED" or "PAID" ? (DateTime?)c.due.AddDays(-10) : null,
                approvedBy = c.status is "APPROVED" or "PAID" ? c.user : null,
            }).ToArray());
    }

    private void IntegrationExpansion()
    {
        Rows("AccountingConnection", ["Organization"],
            new { id = "dev-acct-northwind-qbo", organizationId = Northwind, platform = "QUICKBOOKS", accessToken = "dev-not-a-real-token", externalTenantId = (string?)"qbo-realm-1001", status = "ACTIVE", lastSyncAt = (DateTime?)Utc(2025, 2, 1) },
            new { id = "dev-acct-harbor-xero", organizationId = Harbor, platform = "XERO", accessToken = "dev-not-a-real-token", externalTenantId = (string?)"xero-tenant-2002", status = "ACTIVE", lastSyncAt = (DateTime?)null });

        Rows("AccountingTransaction", ["AccountingConnection", "CapitalCall"],
            new { id = "dev-acctx-01", connectionId = "dev-acct-northwind-qbo", capitalCallId = (string?)"dev-call-01", externalId = "QB-BILLPMT-1001", transactionType = "BILL_PAYMENT", amount = 250_000.00m, status = "SYNCED", syncedAt = (DateTime?)Utc(2025, 1, 16) },
            new { id = "dev-acctx-04", connectionId = "dev-acct-harbor-xero", capitalCallId = (string?)"dev-call-04", externalId = "XERO-INV-0004", transactionType = "BILL", amount = 500_000.00m, status = "PENDING", syncedAt = (DateTime?)null });

        Rows("SignatureRequest", ["Document", "CapitalCall", "User"],
            new { id = "dev-sig-02", documentId = "dev-doc-02", capitalCallId = (string?)"dev-call-02", userId = Alice, provider = "DOCUSIGN", envelopeId = "dev-envelope-0002", status = "COMPLETED", signers = """[{"name":"Alice Chen","email":"alice@northwind.example","signedAt":"2025-04-06T14:00:00Z"}]""", completedAt = (DateTime?)Utc(2025, 4, 6, 14) },
            new { id = "dev-sig-06", documentId = "dev-doc-06", capitalCallId = (string?)"dev-call-06", userId = Priya, provider = "HELLOSIGN", envelopeId = "dev-envelope-0006", status = "SENT", signers = """[{"name":"Priya Natarajan","email":"priya@summit.example"}]""", completedAt = (DateTime?)null });

        Rows("WebhookEndpoint", ["User", "Organization"],
            new { id = "dev-hook-northwind", userId = Alice, organizationId = (string?)Northwind, url = "https://hooks.northwind.example/clearway", secret = "whsec_dev_northwind", events = """["capital_call.approved","payment.completed"]""", enabled = true, description = (string?)"Treasury system" });

        Rows("WebhookDelivery", ["WebhookEndpoint"],
            new { id = "dev-hookdel-01", endpointId = "dev-hook-northwind", @event = "capital_call.approved", payload = """{"capitalCallId":"dev-call-02"}""", attempt = 1, statusCode = (int?)200, succeeded = true, deliveredAt = (DateTime?)Utc(2025, 4, 5), nextRetryAt = (DateTime?)null },
            new { id = "dev-hookdel-02", endpointId = "dev-hook-northwind", @event = "payment.completed", payload = """{"paymentId":"dev-pay-01"}""", attempt = 2, statusCode = (int?)503, succeeded = false, deliveredAt = (DateTime?)null, nextRetryAt = (DateTime?)Utc(2030, 1, 1) });
    }

    private void PaymentProcessing()
    {
        Rows("BankAccount", ["User", "Organization"],
            new { id = "dev-bank-alice", userId = Alice, organizationId = (string?)Northwind, plaidItemId = "dev-item-alice", plaidAccountId = "dev-plaid-acct-alice", plaidAccessToken = "dev-not-a-real-token", institutionName = "First Harbor Bank", accountName = "Northwind Operating", accountMask = (string?)"4821", accountType = "checking" },
            new { id = "dev-bank-carla", userId = Carla, organizationId = (string?)Harbor, plaidItemId = "dev-item-carla", plaidAccountId = "dev-plaid-acct-carla", plaidAccessToken = "dev-not-a-real-token", institutionName = "Pacific Commerce Bank", accountName = "Harbor Capital Calls", accountMask = (string?)"0937", accountType = "checking" });

        Rows("Payment", ["CapitalCall", "User", "BankAccount"],
            new { id = "dev-pay-01", capitalCallId = "dev-call-01", userId = Alice, bankAccountId = (string?)"dev-bank-alice", amount = 250_000.00m, paymentMethod = "WIRE", status = "RECONCILED", reference = (string?)"FED-20250114-0001", paidAt = Utc(2025, 1, 14), reconciledAt = (DateTime?)Utc(2025, 1, 31), reconciledBy = (string?)Alice },
            new { id = "dev-pay-04", capitalCallId = "dev-call-04", userId = Carla, bankAccountId = (string?)"dev-bank-carla", amount = 500_000.00m, paymentMethod = "ACH", status = "COMPLETED", reference = (string?)"ACH-88231", paidAt = Utc(2025, 3, 28), reconciledAt = (DateTime?)null, reconciledBy = (string?)null },
            new { id = "dev-pay-07", capitalCallId = "dev-call-07", userId = Priya, bankAccountId = (string?)null, amount = 300_000.00m, paymentMethod = "CHECK", status = "COMPLETED", reference = (string?)"CHK-5512", paidAt = Utc(2025, 1, 29), reconciledAt = (DateTime?)null, reconciledBy = (string?)null });

        Rows("StatementReconciliation", ["BankAccount", "User"],
            new { id = "dev-recon-01", bankAccountId = "dev-bank-alice", userId = Alice, statementDate = Utc(2025, 1, 31), periodStart = Utc(2025, 1, 1), periodEnd = Utc(2025, 1, 31), matchedCount = 1, unmatchedCount = 0, totalMatched = 250_000.00m, discrepancies = (string?)"[]", status = "COMPLETED", completedAt = (DateTime?)Utc(2025, 1, 31, 9) });
    }

    private void FundAdministratorIntegration()
    {
        Rows("FundAdministrator", [],
            new { id = "dev-fa-ssc", code = "SSC_ADVENT", name = "SS&C Advent", apiBaseUrl = (string?)"https://api.sandbox.ssc.example", authType = "OAUTH2", supportsWebhooks = false },
            new { id = "dev-fa-carta", code = "CARTA", name = "Carta Fund Administration", apiBaseUrl = (string?)"https://api.sandbox.carta.example", authType = "API_KEY", supportsWebhooks = true },
            new { id = "dev-fa-juniper", code = "JUNIPER_SQUARE", name = "Juniper Square", apiBaseUrl = (string?)null, authType = "SFTP", supportsWebhooks = false });

        Rows("FundAdminConnection", ["Organization", "FundAdministrator"],
            new { id = "dev-fac-harbor-carta", organizationId = Harbor, fundAdministratorId = "dev-fa-carta", credentials = """{"apiKey":"dev-not-a-real-key"}""", status = "ACTIVE", lastSyncAt = (DateTime?)Utc(2025, 3, 1) });

        Rows("InvestorMapping", ["FundAdminConnection", "User"],
            new { id = "dev-im-01", connectionId = "dev-fac-harbor-carta", externalInvestorId = "CARTA-LP-100", userId = Carla, externalName = (string?)"Carla Diaz", externalEmail = (string?)"carla@harborcap.example", mappedBy = "AUTO", confidence = (decimal?)0.9800m },
            new { id = "dev-im-02", connectionId = "dev-fac-harbor-carta", externalInvestorId = "CARTA-LP-101", userId = Omar, externalName = (string?)"O. Haddad", externalEmail = (string?)null, mappedBy = "MANUAL", confidence = (decimal?)null });

        Rows("FundMapping", ["FundAdminConnection"],
            new { id = "dev-fm-01", connectionId = "dev-fac-harbor-carta", externalFundCode = "MCO-I", fundName = Meridian },
            new { id = "dev-fm-02", connectionId = "dev-fac-harbor-carta", externalFundCode = "AIF-II", fundName = Atlas });

        Rows("FundAdminSync", ["FundAdminConnection"],
            new { id = "dev-sync-01", connectionId = "dev-fac-harbor-carta", syncType = "CAPITAL_CALLS", status = "SUCCEEDED", recordsProcessed = 42, recordsFailed = 0, errorMessage = (string?)null, startedAt = Utc(2025, 3, 1), completedAt = (DateTime?)Utc(2025, 3, 1, 1) },
            new { id = "dev-sync-02", connectionId = "dev-fac-harbor-carta", syncType = "INVESTORS", status = "PARTIAL", recordsProcessed = 10, recordsFailed = 1, errorMessage = (string?)"1 investor could not be mapped", startedAt = Utc(2025, 3, 2), completedAt = (DateTime?)Utc(2025, 3, 2, 1) });

        Rows("UnmappedInvestor", ["FundAdminConnection", "FundAdminSync"],
            new { id = "dev-ui-01", connectionId = "dev-fac-harbor-carta", syncId = (string?)"dev-sync-02", externalInvestorId = "CARTA-LP-999", externalName = "Tidewater Pension Trust", externalEmail = (string?)"ops@tidewater.example", rawData = (string?)"""{"commitment":2000000}""" });

        Rows("WebhookLog", ["FundAdministrator", "FundAdminConnection"],
            new { id = "dev-wl-01", fundAdministratorId = (string?)"dev-fa-carta", connectionId = (string?)"dev-fac-harbor-carta", eventType = "capital_call.created", payload = """{"fund":"MCO-I","amount":500000}""", signatureValid = (bool?)true, processedAt = (DateTime?)Utc(2025, 3, 3), receivedAt = Utc(2025, 3, 3) },
            new { id = "dev-wl-02", fundAdministratorId = (string?)"dev-fa-carta", connectionId = (string?)"dev-fac-harbor-carta", eventType = "investor.updated", payload = """{"investor":"CARTA-LP-101"}""", signatureValid = (bool?)true, processedAt = (DateTime?)null, receivedAt = Utc(2025, 3, 4) });
    }

    private void SecurityAndCompliance()
    {
        Rows("AuditLog", ["Organization", "User"],
            new { id = "dev-audit-01", organizationId = (string?)Northwind, userId = (string?)Alice, action = "capital_call.approved", entityType = "CapitalCall", entityId = (string?)"dev-call-02", changes = (string?)"""{"status":["PENDING_REVIEW","APPROVED"]}""", createdAt = Utc(2025, 4, 5) },
            new { id = "dev-audit-02", organizationId = (string?)Harbor, userId = (string?)Carla, action = "payment.completed", entityType = "Payment", entityId = (string?)"dev-pay-04", changes = (string?)null, createdAt = Utc(2025, 3, 28) },
            new { id = "dev-audit-03", organizationId = (string?)null, userId = (string?)Sam, action = "document.uploaded", entityType = "Document", entityId = (string?)"dev-doc-09", changes = (string?)null, createdAt = Utc(2025, 7, 20) });

        Rows("LegalHold", ["Organization", "User"],
            new { id = "dev-hold-01", organizationId = Harbor, name = "Regulatory inquiry 2025-Q1", reason = "Preserve all Meridian Credit Opportunities records", scope = """{"fundName":"Meridian Credit Opportunities"}""", createdById = (string?)Carla, startedAt = Utc(2025, 3, 15) });

        Rows("DataProcessingAgreement", ["Organization", "User"],
            new { id = "dev-dpa-northwind", organizationId = Northwind, version = "2025-01", signedByName = "Alice Chen", signedByEmail = "alice@northwind.example", signedById = (string?)Alice, signedAt = Utc(2025, 1, 2), effectiveDate = Utc(2025, 1, 2), documentUrl = (string?)"https://files.clearway.example/dev/dpa-northwind.pdf" });
    }

    private void MultiTenantAndEnterprise()
    {
        Rows("OrganizationRole", ["Organization"],
            new { id = "dev-role-northwind-treasury", organizationId = Northwind, name = "Treasury Approver", description = (string?)"Approves capital calls up to $250k", permissions = """["capital_call.read","capital_call.approve","payment.read"]""", isSystem = false });

        Rows("OrganizationMember", ["Organization", "User", "OrganizationRole"],
            new { id = "dev-mem-alice", organizationId = Northwind, userId = Alice, role = "OWNER", customRoleId = (string?)null },
            new { id = "dev-mem-ben", organizationId = Northwind, userId = Ben, role = "MEMBER", customRoleId = (string?)"dev-role-northwind-treasury" },
            new { id = "dev-mem-carla", organizationId = Harbor, userId = Carla, role = "OWNER", customRoleId = (string?)null },
            new { id = "dev-mem-omar", organizationId = Harbor, userId = Omar, role = "ADMIN", customRoleId = (string?)null },
            new { id = "dev-mem-priya", organizationId = Summit, userId = Priya, role = "OWNER", customRoleId = (string?)null });

        Rows("OrganizationInvite", ["Organization", "OrganizationRole", "User"],
            new { id = "dev-inv-summit-cfo", organizationId = Summit, email = "cfo@summit.example", role = "ADMIN", token = "dev-invite-token-summit-cfo", invitedById = (string?)Priya, expiresAt = Utc(2030, 1, 1) });

        Rows("SSOConnection", ["Organization"],
            new { id = "dev-sso-summit", organizationId = Summit, provider = "OKTA", domain = "summit.example", metadataUrl = (string?)"https://summit.okta.example/app/metadata", clientId = (string?)"dev-okta-client", enabled = true });
    }

    private void AnalyticsAndReporting()
    {
        Rows("ScheduledReport", ["User", "Organization"],
            new { id = "dev-report-northwind-monthly", userId = Alice, organizationId = (string?)Northwind, name = "Monthly capital call summary", reportType = "MONTHLY_CALL_SUMMARY", schedule = "0 8 1 * *", format = "PDF", recipients = """["alice@northwind.example","ben@northwind.example"]""", enabled = true, nextRunAt = (DateTime?)Utc(2030, 1, 1, 8) });

        Rows("ReportExecution", ["ScheduledReport"],
            new { id = "dev-rexec-01", scheduledReportId = "dev-report-northwind-monthly", status = "SUCCEEDED", rowCount = (int?)3, fileUrl = (string?)"https://files.clearway.example/dev/report-2025-02.pdf", error = (string?)null, startedAt = Utc(2025, 2, 1, 8), completedAt = (DateTime?)Utc(2025, 2, 1, 8) },
            new { id = "dev-rexec-02", scheduledReportId = "dev-report-northwind-monthly", status = "FAILED", rowCount = (int?)null, fileUrl = (string?)null, error = (string?)"PDF renderer timed out", startedAt = Utc(2025, 3, 1, 8), completedAt = (DateTime?)Utc(2025, 3, 1, 8) });
    }
}
