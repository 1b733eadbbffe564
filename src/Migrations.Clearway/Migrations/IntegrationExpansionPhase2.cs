using System.Data;
using FluentMigrator;
using FluentMigrator.Postgres;
using Migrations.Engine.Authoring;

namespace Migrations.Clearway;

/// <summary>
/// <c>integration_expansion_phase2.sql</c> (history 1.1.0 "Integration Expansion"): accounting
/// platforms, e-signatures and user-defined webhooks. The seed lists the tables and their purpose;
/// the columns model that purpose. Tokens and secrets are stored encrypted by the application.
/// </summary>
[Migration(ClearwayVersions.IntegrationExpansionPhase2, "integration_expansion_phase2: AccountingConnection, AccountingTransaction, SignatureRequest, WebhookEndpoint, WebhookDelivery (history 1.1.0)")]
public sealed class IntegrationExpansionPhase2 : Migration
{
    /// <summary>The seed's "Rollback integration_expansion_phase2.sql" block, verbatim.</summary>
    public const string SeedRollbackSql = """
        DROP TABLE IF EXISTS "WebhookDelivery" CASCADE;
        DROP TABLE IF EXISTS "WebhookEndpoint" CASCADE;
        DROP TABLE IF EXISTS "SignatureRequest" CASCADE;
        DROP TABLE IF EXISTS "AccountingTransaction" CASCADE;
        DROP TABLE IF EXISTS "AccountingConnection" CASCADE;
        """;

    /// <summary>The same block for SQLite, which has no CASCADE on DROP TABLE.</summary>
    public const string SqliteRollbackSql = """
        DROP TABLE IF EXISTS "WebhookDelivery";
        DROP TABLE IF EXISTS "WebhookEndpoint";
        DROP TABLE IF EXISTS "SignatureRequest";
        DROP TABLE IF EXISTS "AccountingTransaction";
        DROP TABLE IF EXISTS "AccountingConnection";
        """;

    public override void Up()
    {
        // OAuth connection of an organization to one accounting platform.
        Create.Table("AccountingConnection")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("organizationId").AsString().ForeignKey("Organization", "id").OnDelete(Rule.Cascade)
            .WithColumn("platform").AsString(30).Check("\"platform\" IN ('QUICKBOOKS', 'XERO', 'NETSUITE', 'SAGE_INTACCT')")
            .WithColumn("accessToken").AsString()
            .WithColumn("refreshToken").AsString().Nullable()
            .WithColumn("tokenExpiresAt").AsDateTime().Nullable()
            .WithColumn("externalTenantId").AsString(200).Nullable()
            .WithColumn("status").AsString(20).WithDefaultValue("ACTIVE")
            .WithColumn("lastSyncAt").AsDateTime().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.UniqueConstraint("AccountingConnection_organizationId_platform_key").OnTable("AccountingConnection").Columns("organizationId", "platform");

        // A capital call (or payment) pushed to the platform; the call may later be deleted, the ledger entry stays.
        Create.Table("AccountingTransaction")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("connectionId").AsString().ForeignKey("AccountingConnection", "id").OnDelete(Rule.Cascade)
            .WithColumn("capitalCallId").AsString().Nullable().ForeignKey("CapitalCall", "id").OnDelete(Rule.SetNull).Indexed()
            .WithColumn("externalId").AsString(200)
            .WithColumn("transactionType").AsString(30)
            .WithColumn("amount").AsDecimal(15, 2)
            .WithColumn("currency").AsString(3).WithDefaultValue("USD")
            .WithColumn("status").AsString(20).WithDefaultValue("PENDING")
            .WithColumn("syncedAt").AsDateTime().Nullable()
            .WithColumn("errorMessage").AsString().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.UniqueConstraint("AccountingTransaction_connectionId_externalId_key").OnTable("AccountingTransaction").Columns("connectionId", "externalId");

        // One e-signature envelope for a document, sent by a user.
        Create.Table("SignatureRequest")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("documentId").AsString().ForeignKey("Document", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("capitalCallId").AsString().Nullable().ForeignKey("CapitalCall", "id").OnDelete(Rule.SetNull)
            .WithColumn("userId").AsString().ForeignKey("User", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("provider").AsString(30).Check("\"provider\" IN ('DOCUSIGN', 'HELLOSIGN', 'ADOBE_SIGN')")
            .WithColumn("envelopeId").AsString(200).Unique()
            .WithColumn("status").AsString(20).WithDefaultValue("SENT")
            .WithColumn("signers").AsCustom("jsonb")
            .WithColumn("sentAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("completedAt").AsDateTime().Nullable()
            .WithColumn("expiresAt").AsDateTime().Nullable()
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("WebhookEndpoint")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("userId").AsString().ForeignKey("User", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("organizationId").AsString().Nullable().ForeignKey("Organization", "id").OnDelete(Rule.Cascade)
            .WithColumn("url").AsString()
            .WithColumn("secret").AsString(200)
            .WithColumn("events").AsCustom("jsonb")
            .WithColumn("enabled").AsBoolean().WithDefaultValue(true)
            .WithColumn("description").AsString(500).Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // Each attempt to deliver one event; retries are new rows.
        Create.Table("WebhookDelivery")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("endpointId").AsString().ForeignKey("WebhookEndpoint", "id").OnDelete(Rule.Cascade)
            .WithColumn("event").AsString(100)
            .WithColumn("payload").AsCustom("jsonb")
            .WithColumn("attempt").AsInt32().WithDefaultValue(1)
            .WithColumn("statusCode").AsInt32().Nullable()
            .WithColumn("responseBody").AsString().Nullable()
            .WithColumn("succeeded").AsBoolean().WithDefaultValue(false)
            .WithColumn("deliveredAt").AsDateTime().Nullable()
            .WithColumn("nextRetryAt").AsDateTime().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("WebhookDelivery_endpointId_createdAt_idx").OnTable("WebhookDelivery").OnColumn("endpointId").Ascending().OnColumn("createdAt").Descending();
        Create.Index("WebhookDelivery_nextRetryAt_idx").OnTable("WebhookDelivery").OnColumn("nextRetryAt").Ascending()
            .WithOptions().Filter("\"succeeded\" = false AND \"nextRetryAt\" IS NOT NULL");
    }

    public override void Down()
    {
        IfDatabase("postgres").Execute.Sql(SeedRollbackSql);
        IfDatabase("sqlite").Execute.Sql(SqliteRollbackSql);
    }
}
