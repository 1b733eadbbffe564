using System.Data;
using FluentMigrator;
using FluentMigrator.Postgres;
using Migrations.Engine.Authoring;

namespace Migrations.Clearway;

/// <summary>
/// <c>phase2_complete_schema.sql</c> (history 2.0.0 "Phase 2 Complete"): the 19 tables its sections
/// list by name. The section headings ("5 tables", "8 tables") disagree with their lists (3 and 7);
/// the named lists are followed, which is also what the seed's rollback block drops (19 tables).
/// Tables are created parent first (BankAccount before Payment, OrganizationRole before
/// OrganizationMember); the Down() drops them in the seed's order.
/// </summary>
[Migration(ClearwayVersions.Phase2CompleteSchema, "phase2_complete_schema: payments, fund administrators, security and compliance, multi-tenant, reporting (19 tables, history 2.0.0)")]
public sealed class Phase2CompleteSchema : Migration
{
    /// <summary>The seed's "Rollback phase2_complete_schema.sql" block, verbatim.</summary>
    public const string SeedRollbackSql = """
        DROP TABLE IF EXISTS "ReportExecution" CASCADE;
        DROP TABLE IF EXISTS "ScheduledReport" CASCADE;
        DROP TABLE IF EXISTS "SSOConnection" CASCADE;
        DROP TABLE IF EXISTS "OrganizationInvite" CASCADE;
        DROP TABLE IF EXISTS "OrganizationRole" CASCADE;
        DROP TABLE IF EXISTS "OrganizationMember" CASCADE;
        DROP TABLE IF EXISTS "DataProcessingAgreement" CASCADE;
        DROP TABLE IF EXISTS "LegalHold" CASCADE;
        DROP TABLE IF EXISTS "AuditLog" CASCADE;
        DROP TABLE IF EXISTS "WebhookLog" CASCADE;
        DROP TABLE IF EXISTS "UnmappedInvestor" CASCADE;
        DROP TABLE IF EXISTS "FundAdminSync" CASCADE;
        DROP TABLE IF EXISTS "FundMapping" CASCADE;
        DROP TABLE IF EXISTS "InvestorMapping" CASCADE;
        DROP TABLE IF EXISTS "FundAdminConnection" CASCADE;
        DROP TABLE IF EXISTS "FundAdministrator" CASCADE;
        DROP TABLE IF EXISTS "StatementReconciliation" CASCADE;
        DROP TABLE IF EXISTS "BankAccount" CASCADE;
        DROP TABLE IF EXISTS "Payment" CASCADE;
        """;

    /// <summary>The same block for SQLite, which has no CASCADE on DROP TABLE.</summary>
    public const string SqliteRollbackSql = """
        DROP TABLE IF EXISTS "ReportExecution";
        DROP TABLE IF EXISTS "ScheduledReport";
        DROP TABLE IF EXISTS "SSOConnection";
        DROP TABLE IF EXISTS "OrganizationInvite";
        DROP TABLE IF EXISTS "OrganizationRole";
        DROP TABLE IF EXISTS "OrganizationMember";
        DROP TABLE IF EXISTS "DataProcessingAgreement";
        DROP TABLE IF EXISTS "LegalHold";
        DROP TABLE IF EXISTS "AuditLog";
        DROP TABLE IF EXISTS "WebhookLog";
        DROP TABLE IF EXISTS "UnmappedInvestor";
        DROP TABLE IF EXISTS "FundAdminSync";
        DROP TABLE IF EXISTS "FundMapping";
        DROP TABLE IF EXISTS "InvestorMapping";
        DROP TABLE IF EXISTS "FundAdminConnection";
        DROP TABLE IF EXISTS "FundAdministrator";
        DROP TABLE IF EXISTS "StatementReconciliation";
        DROP TABLE IF EXISTS "BankAccount";
        DROP TABLE IF EXISTS "Payment";
        """;

    public override void Up()
    {
        PaymentProcessing();
        FundAdministratorIntegration();
        SecurityAndCompliance();
        MultiTenantAndEnterprise();
        AnalyticsAndReporting();
    }

    public override void Down()
    {
        IfDatabase("postgres").Execute.Sql(SeedRollbackSql);
        IfDatabase("sqlite").Execute.Sql(SqliteRollbackSql);
    }

    private void PaymentProcessing()
    {
        // A bank account connected through Plaid.
        Create.Table("BankAccount")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("userId").AsString().ForeignKey("User", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("organizationId").AsString().Nullable().ForeignKey("Organization", "id").OnDelete(Rule.Cascade)
            .WithColumn("plaidItemId").AsString(200)
            .WithColumn("plaidAccountId").AsString(200).Unique()
            .WithColumn("plaidAccessToken").AsString()
            .WithColumn("institutionName").AsString(200)
            .WithColumn("accountName").AsString(200)
            .WithColumn("accountMask").AsString(4).Nullable()
            .WithColumn("accountType").AsString(30)
            .WithColumn("status").AsString(20).WithDefaultValue("ACTIVE")
            .WithColumn("lastSyncedAt").AsDateTime().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // A payment against a capital call. A call that has payments cannot be deleted (NO ACTION):
        // payment records are financial evidence. Deleting the user removes both in one statement.
        Create.Table("Payment")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("capitalCallId").AsString().ForeignKey("CapitalCall", "id").Indexed()
            .WithColumn("userId").AsString().ForeignKey("User", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("bankAccountId").AsString().Nullable().ForeignKey("BankAccount", "id").OnDelete(Rule.SetNull)
            .WithColumn("amount").AsDecimal(15, 2).Check("\"amount\" > 0")
            .WithColumn("currency").AsString(3).WithDefaultValue("USD")
            .WithColumn("paymentMethod").AsString(20).Check("\"paymentMethod\" IN ('WIRE', 'ACH', 'CHECK', 'OTHER')")
            .WithColumn("status").AsString(20).WithDefaultValue("PENDING").Check("\"status\" IN ('PENDING', 'COMPLETED', 'FAILED', 'RECONCILED')")
            .WithColumn("reference").AsString(200).Nullable()
            .WithColumn("paidAt").AsDateTime()
            .WithColumn("reconciledAt").AsDateTime().Nullable()
            .WithColumn("reconciledBy").AsString().Nullable()
            .WithColumn("notes").AsString().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("Payment_status_paidAt_idx").OnTable("Payment").OnColumn("status").Ascending().OnColumn("paidAt").Descending();

        // The result of matching one bank statement against payments.
        Create.Table("StatementReconciliation")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("bankAccountId").AsString().ForeignKey("BankAccount", "id").OnDelete(Rule.Cascade)
            .WithColumn("userId").AsString().ForeignKey("User", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("statementDate").AsDateTime()
            .WithColumn("periodStart").AsDateTime()
            .WithColumn("periodEnd").AsDateTime()
            .WithColumn("matchedCount").AsInt32().WithDefaultValue(0)
            .WithColumn("unmatchedCount").AsInt32().WithDefaultValue(0)
            .WithColumn("totalMatched").AsDecimal(15, 2).WithDefaultValue(0)
            .WithColumn("discrepancies").AsCustom("jsonb").Nullable()
            .WithColumn("status").AsString(20).WithDefaultValue("PENDING")
            .WithColumn("completedAt").AsDateTime().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.UniqueConstraint("StatementReconciliation_bankAccountId_statementDate_key").OnTable("StatementReconciliation").Columns("bankAccountId", "statementDate");
    }

    private void FundAdministratorIntegration()
    {
        // The registry of platforms (SS&C, Carta, Juniper Square...): reference data, not tenant data.
        Create.Table("FundAdministrator")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("code").AsString(50).Unique()
            .WithColumn("name").AsString(200)
            .WithColumn("apiBaseUrl").AsString().Nullable()
            .WithColumn("authType").AsString(20).Check("\"authType\" IN ('OAUTH2', 'API_KEY', 'SFTP')")
            .WithColumn("supportsWebhooks").AsBoolean().WithDefaultValue(false)
            .WithColumn("isActive").AsBoolean().WithDefaultValue(true)
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // A platform cannot leave the registry while organizations are connected to it (NO ACTION).
        Create.Table("FundAdminConnection")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("organizationId").AsString().ForeignKey("Organization", "id").OnDelete(Rule.Cascade)
            .WithColumn("fundAdministratorId").AsString().ForeignKey("FundAdministrator", "id").Indexed()
            .WithColumn("credentials").AsCustom("jsonb")
            .WithColumn("status").AsString(20).WithDefaultValue("ACTIVE")
            .WithColumn("lastSyncAt").AsDateTime().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.UniqueConstraint("FundAdminConnection_organizationId_fundAdministratorId_key").OnTable("FundAdminConnection").Columns("organizationId", "fundAdministratorId");

        Create.Table("InvestorMapping")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("connectionId").AsString().ForeignKey("FundAdminConnection", "id").OnDelete(Rule.Cascade)
            .WithColumn("externalInvestorId").AsString(200)
            .WithColumn("userId").AsString().ForeignKey("User", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("externalName").AsString(200).Nullable()
            .WithColumn("externalEmail").AsString(255).Nullable()
            .WithColumn("mappedBy").AsString(20).WithDefaultValue("AUTO").Check("\"mappedBy\" IN ('AUTO', 'MANUAL')")
            .WithColumn("confidence").AsDecimal(5, 4).Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.UniqueConstraint("InvestorMapping_connectionId_externalInvestorId_key").OnTable("InvestorMapping").Columns("connectionId", "externalInvestorId");

        Create.Table("FundMapping")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("connectionId").AsString().ForeignKey("FundAdminConnection", "id").OnDelete(Rule.Cascade)
            .WithColumn("externalFundCode").AsString(100)
            .WithColumn("fundName").AsString(200)
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.UniqueConstraint("FundMapping_connectionId_externalFundCode_key").OnTable("FundMapping").Columns("connectionId", "externalFundCode");

        Create.Table("FundAdminSync")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("connectionId").AsString().ForeignKey("FundAdminConnection", "id").OnDelete(Rule.Cascade)
            .WithColumn("syncType").AsString(30)
            .WithColumn("status").AsString(20).WithDefaultValue("RUNNING").Check("\"status\" IN ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED')")
            .WithColumn("recordsProcessed").AsInt32().WithDefaultValue(0)
            .WithColumn("recordsFailed").AsInt32().WithDefaultValue(0)
            .WithColumn("errorMessage").AsString().Nullable()
            .WithColumn("startedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("completedAt").AsDateTime().Nullable();
        Create.Index("FundAdminSync_connectionId_startedAt_idx").OnTable("FundAdminSync").OnColumn("connectionId").Ascending().OnColumn("startedAt").Descending();

        // An investor a sync could not map; resolved by hand to a user.
        Create.Table("UnmappedInvestor")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("connectionId").AsString().ForeignKey("FundAdminConnection", "id").OnDelete(Rule.Cascade)
            .WithColumn("syncId").AsString().Nullable().ForeignKey("FundAdminSync", "id").OnDelete(Rule.SetNull)
            .WithColumn("externalInvestorId").AsString(200)
            .WithColumn("externalName").AsString(200)
            .WithColumn("externalEmail").AsString(255).Nullable()
            .WithColumn("rawData").AsCustom("jsonb").Nullable()
            .WithColumn("resolvedUserId").AsString().Nullable().ForeignKey("User", "id").OnDelete(Rule.SetNull)
            .WithColumn("resolvedAt").AsDateTime().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.UniqueConstraint("UnmappedInvestor_connectionId_externalInvestorId_key").OnTable("UnmappedInvestor").Columns("connectionId", "externalInvestorId");

        // Incoming events are kept even when their connection or platform goes away.
        Create.Table("WebhookLog")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("fundAdministratorId").AsString().Nullable().ForeignKey("FundAdministrator", "id").OnDelete(Rule.SetNull)
            .WithColumn("connectionId").AsString().Nullable().ForeignKey("FundAdminConnection", "id").OnDelete(Rule.SetNull)
            .WithColumn("eventType").AsString(100)
            .WithColumn("payload").AsCustom("jsonb")
            .WithColumn("signatureValid").AsBoolean().Nullable()
            .WithColumn("processedAt").AsDateTime().Nullable()
            .WithColumn("error").AsString().Nullable()
            .WithColumn("receivedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("WebhookLog_unprocessed_idx").OnTable("WebhookLog").OnColumn("receivedAt").Ascending()
            .WithOptions().Filter("\"processedAt\" IS NULL");
    }

    private void SecurityAndCompliance()
    {
        // The audit trail outlives the users and organizations it mentions.
        Create.Table("AuditLog")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("organizationId").AsString().Nullable().ForeignKey("Organization", "id").OnDelete(Rule.SetNull)
            .WithColumn("userId").AsString().Nullable().ForeignKey("User", "id").OnDelete(Rule.SetNull).Indexed()
            .WithColumn("action").AsString(100)
            .WithColumn("entityType").AsString(100)
            .WithColumn("entityId").AsString(100).Nullable()
            .WithColumn("changes").AsCustom("jsonb").Nullable()
            .WithColumn("ipAddress").AsString(45).Nullable()
            .WithColumn("userAgent").AsString().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("AuditLog_entityType_entityId_idx").OnTable("AuditLog").OnColumn("entityType").Ascending().OnColumn("entityId").Ascending();
        Create.Index("AuditLog_organizationId_createdAt_idx").OnTable("AuditLog").OnColumn("organizationId").Ascending().OnColumn("createdAt").Descending();

        Create.Table("LegalHold")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("organizationId").AsString().ForeignKey("Organization", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("name").AsString(200)
            .WithColumn("reason").AsString()
            .WithColumn("scope").AsCustom("jsonb")
            .WithColumn("createdById").AsString().Nullable().ForeignKey("User", "id").OnDelete(Rule.SetNull)
            .WithColumn("startedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("releasedAt").AsDateTime().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("DataProcessingAgreement")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("organizationId").AsString().ForeignKey("Organization", "id").OnDelete(Rule.Cascade)
            .WithColumn("version").AsString(20)
            .WithColumn("signedByName").AsString(200)
            .WithColumn("signedByEmail").AsString(255)
            .WithColumn("signedById").AsString().Nullable().ForeignKey("User", "id").OnDelete(Rule.SetNull)
            .WithColumn("signedAt").AsDateTime()
            .WithColumn("effectiveDate").AsDateTime()
            .WithColumn("expiresAt").AsDateTime().Nullable()
            .WithColumn("documentUrl").AsString().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.UniqueConstraint("DataProcessingAgreement_organizationId_version_key").OnTable("DataProcessingAgreement").Columns("organizationId", "version");
    }

    private void MultiTenantAndEnterprise()
    {
        // Custom roles; members and invites fall back to their built-in role when one is deleted.
        Create.Table("OrganizationRole")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("organizationId").AsString().ForeignKey("Organization", "id").OnDelete(Rule.Cascade)
            .WithColumn("name").AsString(100)
            .WithColumn("description").AsString(500).Nullable()
            .WithColumn("permissions").AsCustom("jsonb")
            .WithColumn("isSystem").AsBoolean().WithDefaultValue(false)
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.UniqueConstraint("OrganizationRole_organizationId_name_key").OnTable("OrganizationRole").Columns("organizationId", "name");

        Create.Table("OrganizationMember")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("organizationId").AsString().ForeignKey("Organization", "id").OnDelete(Rule.Cascade)
            .WithColumn("userId").AsString().ForeignKey("User", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("role").AsString(20).WithDefaultValue("MEMBER").Check("\"role\" IN ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')")
            .WithColumn("customRoleId").AsString().Nullable().ForeignKey("OrganizationRole", "id").OnDelete(Rule.SetNull)
            .WithColumn("joinedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.UniqueConstraint("OrganizationMember_organizationId_userId_key").OnTable("OrganizationMember").Columns("organizationId", "userId");

        Create.Table("OrganizationInvite")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("organizationId").AsString().ForeignKey("Organization", "id").OnDelete(Rule.Cascade)
            .WithColumn("email").AsString(255)
            .WithColumn("role").AsString(20).WithDefaultValue("MEMBER").Check("\"role\" IN ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')")
            .WithColumn("customRoleId").AsString().Nullable().ForeignKey("OrganizationRole", "id").OnDelete(Rule.SetNull)
            .WithColumn("token").AsString(200).Unique()
            .WithColumn("invitedById").AsString().Nullable().ForeignKey("User", "id").OnDelete(Rule.SetNull)
            .WithColumn("expiresAt").AsDateTime()
            .WithColumn("acceptedAt").AsDateTime().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        // One pending invitation per address and organization; accepted ones are history.
        Create.Index("OrganizationInvite_pending_email_key").OnTable("OrganizationInvite").OnColumn("organizationId").Ascending().OnColumn("email").Ascending()
            .WithOptions().Unique().WithOptions().Filter("\"acceptedAt\" IS NULL");

        Create.Table("SSOConnection")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("organizationId").AsString().ForeignKey("Organization", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("provider").AsString(30).Check("\"provider\" IN ('SAML', 'OIDC', 'OKTA', 'AZURE_AD', 'GOOGLE_WORKSPACE')")
            .WithColumn("domain").AsString(255).Unique()
            .WithColumn("metadataUrl").AsString().Nullable()
            .WithColumn("entityId").AsString(500).Nullable()
            .WithColumn("clientId").AsString(200).Nullable()
            .WithColumn("clientSecret").AsString().Nullable()
            .WithColumn("enabled").AsBoolean().WithDefaultValue(true)
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
    }

    private void AnalyticsAndReporting()
    {
        Create.Table("ScheduledReport")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("userId").AsString().ForeignKey("User", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("organizationId").AsString().Nullable().ForeignKey("Organization", "id").OnDelete(Rule.Cascade)
            .WithColumn("name").AsString(200)
            .WithColumn("reportType").AsString(50)
            .WithColumn("schedule").AsString(100)
            .WithColumn("format").AsString(10).WithDefaultValue("PDF").Check("\"format\" IN ('PDF', 'CSV', 'XLSX')")
            .WithColumn("recipients").AsCustom("jsonb")
            .WithColumn("filters").AsCustom("jsonb").Nullable()
            .WithColumn("enabled").AsBoolean().WithDefaultValue(true)
            .WithColumn("lastRunAt").AsDateTime().Nullable()
            .WithColumn("nextRunAt").AsDateTime().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("ScheduledReport_due_idx").OnTable("ScheduledReport").OnColumn("nextRunAt").Ascending()
            .WithOptions().Filter("\"enabled\" = true");

        Create.Table("ReportExecution")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("scheduledReportId").AsString().ForeignKey("ScheduledReport", "id").OnDelete(Rule.Cascade)
            .WithColumn("status").AsString(20).WithDefaultValue("RUNNING").Check("\"status\" IN ('RUNNING', 'SUCCEEDED', 'FAILED')")
            .WithColumn("rowCount").AsInt32().Nullable()
            .WithColumn("fileUrl").AsString().Nullable()
            .WithColumn("error").AsString().Nullable()
            .WithColumn("startedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("completedAt").AsDateTime().Nullable();
        Create.Index("ReportExecution_scheduledReportId_startedAt_idx").OnTable("ReportExecution").OnColumn("scheduledReportId").Ascending().OnColumn("startedAt").Descending();
    }
}
