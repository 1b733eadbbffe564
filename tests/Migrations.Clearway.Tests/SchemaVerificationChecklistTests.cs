using Migrations.Clearway;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

/// <summary>The seed's "Schema Verification Checklist" and "Database Statistics", checked on real databases.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class SchemaVerificationChecklistTests(Provider provider) : ClearwayTestBase(provider)
{
    private static readonly (string Section, string[] Tables)[] ChecklistTables =
    [
        ("Core MVP Tables (Phase 1)", ["User", "Organization", "Document", "CapitalCall"]),
        ("Payment Processing", ["Payment", "BankAccount", "StatementReconciliation"]),
        ("Fund Administrator Integration", ["FundAdministrator", "FundAdminConnection", "InvestorMapping", "FundMapping", "FundAdminSync", "UnmappedInvestor", "WebhookLog"]),
        ("Accounting Integration", ["AccountingConnection", "AccountingTransaction"]),
        ("Document Signatures", ["SignatureRequest"]),
        ("Webhook Marketplace", ["WebhookEndpoint", "WebhookDelivery"]),
        ("Security & Compliance", ["AuditLog", "LegalHold", "DataProcessingAgreement"]),
        ("Multi-Tenant & Enterprise", ["OrganizationMember", "OrganizationRole", "OrganizationInvite", "SSOConnection"]),
        ("Analytics & Reporting", ["ScheduledReport", "ReportExecution"]),
    ];

    private static readonly string[] PerformanceViews = [AddMaterializedViews.MonthlyCallSummary, AddMaterializedViews.FundPerformanceSummary];

    // The seven indexes the seed's rollback block names, with the columns this project gives them.
    private static readonly (string Index, string Table, string[] Columns)[] SeedIndexes =
    [
        ("idx_capital_call_user_status", "CapitalCall", ["userId", "status"]),
        ("idx_capital_call_user_duedate", "CapitalCall", ["userId", "dueDate"]),
        ("idx_capital_call_user_fund", "CapitalCall", ["userId", "fundName"]),
        ("idx_capital_call_amount", "CapitalCall", ["amountDue DESC"]),
        ("idx_capital_call_approved_at", "CapitalCall", ["approvedAt DESC"]),
        ("idx_document_user_status", "Document", ["userId", "status"]),
        ("idx_document_org_uploaded", "Document", ["organizationId", "uploadedAt DESC"]),
    ];

    [Test]
    public async Task Every_checklist_item_exists_after_migrating_to_latest()
    {
        await MigrateAsync();

        var tables = Relations("table");
        var views = IsPostgres ? Relations("matview") : Relations("view");
        Assert.Multiple(() =>
        {
            foreach (var (section, names) in ChecklistTables)
            {
                foreach (var table in names)
                {
                    Assert.That(tables, Does.Contain(table), $"checklist \"{section}\": table {table}");
                }
            }

            foreach (var view in PerformanceViews)
            {
                Assert.That(views, Does.Contain(view), $"checklist \"Performance Views\": {view} ({(IsPostgres ? "materialized" : "plain")} view)");
            }
        });
        Assert.That(tables, Is.EquivalentTo(ChecklistTables.SelectMany(s => s.Tables)), "no table beyond the checklist");
    }

    [Test]
    public async Task The_seven_indexes_of_the_seeds_rollback_block_exist_on_their_tables()
    {
        await MigrateAsync();

        Assert.Multiple(() =>
        {
            foreach (var (index, table, columns) in SeedIndexes)
            {
                Assert.That(IndexTable(index), Is.EqualTo(table), index);
                Assert.That(IndexColumns(index), Is.EqualTo(columns), index);
            }
        });
    }

    [Test]
    public async Task Before_phase2_the_database_has_the_seeds_phase1_statistics()
    {
        await MigrateAsync(ClearwayVersions.Phase1CoreSchema);

        // "Tables: 4 (User, Organization, Document, CapitalCall); Indexes: ~12; Views: 0".
        Assert.That(Relations("table"), Is.EqualTo(new[] { "CapitalCall", "Document", "Organization", "User" }));
        Assert.That(Relations("view").Concat(Relations("matview")), Is.Empty);
        if (IsPostgres)
        {
            Assert.That(Relations("index"), Has.Count.EqualTo(12));
        }
    }

    [Test]
    public async Task After_phase2_the_database_has_the_tables_of_the_named_lists_and_two_views()
    {
        await MigrateAsync();

        // The seed says "27 (4 + 23 new)"; its named lists give 4 + 5 + 19 = 28, which is followed.
        Assert.That(Relations("table"), Has.Count.EqualTo(28));
        if (IsPostgres)
        {
            Assert.That(Relations("matview"), Is.EqualTo(PerformanceViews.Order(StringComparer.Ordinal)));
            Assert.That(Relations("view"), Is.Empty, "the views are materialized on PostgreSQL");
            Assert.That(Relations("index"), Has.Count.GreaterThanOrEqualTo(70), "the seed's \"Indexes: ~70+\"");
        }
        else
        {
            Assert.That(Relations("view"), Is.EqualTo(PerformanceViews.Order(StringComparer.Ordinal)));
        }
    }

    [Test]
    public async Task Phase1_status_columns_are_enums_on_postgres_and_checked_on_sqlite()
    {
        await MigrateAsync();
        Db.User("u1");
        Db.CapitalCall("c1", "u1");

        if (IsPostgres)
        {
            Assert.That(Db.Query("SELECT typname FROM pg_type WHERE typtype = 'e' ORDER BY typname").Select(r => r[0]),
                Is.EqualTo(new[] { Phase1CoreSchema.CapitalCallStatus, Phase1CoreSchema.DocumentStatus }));
        }

        Assert.That(() => Db.Execute("UPDATE \"CapitalCall\" SET \"status\" = 'LOST'"), Throws.InstanceOf<System.Data.Common.DbException>());
        Assert.That(() => Db.Execute("UPDATE \"Document\" SET \"status\" = 'LOST'"), Throws.InstanceOf<System.Data.Common.DbException>());
        Assert.That(Db.Scalar("SELECT CAST(\"status\" AS TEXT) FROM \"CapitalCall\""), Is.EqualTo("PENDING_REVIEW"));
    }

    [Test]
    public async Task One_pending_invitation_per_email_and_organization()
    {
        await MigrateAsync();
        Db.Organization("o1");
        const string Invite = "INSERT INTO \"OrganizationInvite\" (\"id\", \"organizationId\", \"email\", \"token\", \"expiresAt\", \"acceptedAt\") VALUES ";
        Db.Execute(Invite + "('i1', 'o1', 'a@example.com', 't1', '2026-01-01 00:00:00', '2025-12-01 00:00:00')");
        Db.Execute(Invite + "('i2', 'o1', 'a@example.com', 't2', '2026-01-01 00:00:00', NULL)");

        Assert.That(() => Db.Execute(Invite + "('i3', 'o1', 'a@example.com', 't3', '2026-01-01 00:00:00', NULL)"),
            Throws.InstanceOf<System.Data.Common.DbException>());
    }
}
