using System.Data;
using FluentMigrator;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Table;
using Migrations.Engine.Authoring;

namespace Migrations.Claims.Migrations;

/// <summary>
/// The seed's "No Migrations Needed" section: the tables the five features already run on. They
/// are not new in production, but a fresh database needs them before the later batches, which
/// reference them. Columns the seed does not list are modelled from what the features do with
/// them (see docs/databases/claims.md). Names follow Prisma's conventions, as the seed's schema
/// is a Prisma schema: "{table}_pkey", "{table}_{column}_fkey", "{table}_{columns}_idx".
/// </summary>
[Migration(ClaimsVersions.ExistingSchemaBaseline, "No Migrations Needed: existing claims, trades and portal tables")]
public sealed class ExistingSchemaBaseline : Migration
{
    /// <summary>
    /// Prisma's <c>DateTime</c> as this provider has it. On PostgreSQL Prisma makes
    /// <c>TIMESTAMP(3)</c>, and <c>@default(now())</c> is <c>DEFAULT CURRENT_TIMESTAMP</c>: these
    /// tables exist in production as Prisma made them, and baseline adopts them only if this
    /// migration builds exactly that. SQLite keeps its ISO-8601 text.
    /// </summary>
    private sealed record PrismaDateTime(
        Func<ICreateTableColumnAsTypeSyntax, ICreateTableColumnOptionOrWithColumnSyntax> Type,
        Func<ICreateTableColumnAsTypeSyntax, ICreateTableColumnOptionOrWithColumnSyntax> Now);

    private static readonly PrismaDateTime Postgres = new(
        column => column.AsCustom("timestamp(3)"),
        column => column.AsCustom("timestamp(3)").WithDefaultValue(RawSql.Insert("CURRENT_TIMESTAMP")));

    private static readonly PrismaDateTime Sqlite = new(
        column => column.AsDateTime(),
        column => column.AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime));

    // The tables are written once; only the spelling of a DateTime differs per provider.
    public override void Up()
    {
        Tables(IfDatabase("postgres").Create, Postgres);
        Tables(IfDatabase("sqlite").Create, Sqlite);
    }

    private static void Tables(ICreateExpressionRoot create, PrismaDateTime time)
    {
        // The claims table: Prisma model `claims` (the seed's relations point at claims.id).
        create.Table("claims")
            .WithColumn("id").AsString().PrimaryKey("claims_pkey")
            .WithColumn("orgId").AsString()
            .WithColumn("claimNumber").AsString()
            .WithColumn("title").AsString()
            .WithColumn("status").AsString().WithDefaultValue("open")
            .WithColumn("createdAt").As(time.Now)
            .WithColumn("updatedAt").As(time.Now);
        create.Index("claims_orgId_idx").OnTable("claims").OnColumn("orgId");

        // The trades company table: Prisma model `tradesCompany`, whose id is a uuid (ClaimContractor.companyId is @db.Uuid).
        create.Table("tradesCompany")
            .WithColumn("id").AsGuid().PrimaryKey("tradesCompany_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("name").AsString()
            .WithColumn("email").AsString().Nullable()
            .WithColumn("phone").AsString().Nullable()
            .WithColumn("createdAt").As(time.Now);

        // A client's connection to a trades professional (the drift fix later ties it to a claim).
        create.Table("ClientProConnection")
            .WithColumn("id").AsString().PrimaryKey("ClientProConnection_pkey")
            .WithColumn("clientId").AsString()
            .WithColumn("companyId").AsGuid()
                .ForeignKey("ClientProConnection_companyId_fkey", "tradesCompany", "id").OnDelete(Rule.Cascade).OnUpdate(Rule.Cascade)
            .WithColumn("status").AsString().WithDefaultValue("pending")
            .WithColumn("createdAt").As(time.Now);
        create.Index("ClientProConnection_companyId_idx").OnTable("ClientProConnection").OnColumn("companyId");

        // Feature 1 queues reports on ai_reports.status; the four queue states are the only ones allowed.
        create.Table("ai_reports")
            .WithColumn("id").AsString().PrimaryKey("ai_reports_pkey")
            .WithColumn("claimId").AsString()
                .ForeignKey("ai_reports_claimId_fkey", "claims", "id").OnDelete(Rule.Cascade).OnUpdate(Rule.Cascade)
            .WithColumn("orgId").AsString()
            .WithColumn("type").AsString()
            .WithColumn("status").AsString().WithDefaultValue("queued")
                .Check("\"status\" IN ('queued', 'processing', 'completed', 'failed')")
            .WithColumn("content").AsCustom("jsonb").Nullable()
            .WithColumn("error").AsString().Nullable()
            .WithColumn("createdAt").As(time.Now)
            .WithColumn("updatedAt").As(time.Now);
        create.Index("ai_reports_claimId_idx").OnTable("ai_reports").OnColumn("claimId");
        create.Index("ai_reports_status_createdAt_idx").OnTable("ai_reports").OnColumn("status").Ascending().OnColumn("createdAt").Ascending();

        // Feature 2: the portal timeline reads these events; only client-visible ones are shown through a PortalLink.
        create.Table("ClaimTimelineEvent")
            .WithColumn("id").AsString().PrimaryKey("ClaimTimelineEvent_pkey")
            .WithColumn("claimId").AsString()
                .ForeignKey("ClaimTimelineEvent_claimId_fkey", "claims", "id").OnDelete(Rule.Cascade).OnUpdate(Rule.Cascade)
            .WithColumn("type").AsString()
            .WithColumn("title").AsString()
            .WithColumn("description").AsString().Nullable()
            .WithColumn("visibleToClient").AsBoolean().WithDefaultValue(false)
            .WithColumn("occurredAt").As(time.Now)
            .WithColumn("createdAt").As(time.Now);
        create.Index("ClaimTimelineEvent_claimId_occurredAt_idx").OnTable("ClaimTimelineEvent").OnColumn("claimId").Ascending().OnColumn("occurredAt").Ascending();

        // Feature 2: token access for the client portal.
        create.Table("PortalLink")
            .WithColumn("id").AsString().PrimaryKey("PortalLink_pkey")
            .WithColumn("claimId").AsString()
                .ForeignKey("PortalLink_claimId_fkey", "claims", "id").OnDelete(Rule.Cascade).OnUpdate(Rule.Cascade)
            .WithColumn("token").AsString()
            .WithColumn("email").AsString().Nullable()
            .WithColumn("expiresAt").As(time.Type).Nullable()
            .WithColumn("revokedAt").As(time.Type).Nullable()
            .WithColumn("createdAt").As(time.Now);
        create.Index("PortalLink_token_key").OnTable("PortalLink").OnColumn("token").Ascending().WithOptions().Unique();
        create.Index("PortalLink_claimId_idx").OnTable("PortalLink").OnColumn("claimId");

        // Features 3 and 5: the audit log. Contractor events carry {"companyId", "role", "notes"} in data.
        create.Table("claim_events")
            .WithColumn("id").AsString().PrimaryKey("claim_events_pkey")
            .WithColumn("claimId").AsString()
                .ForeignKey("claim_events_claimId_fkey", "claims", "id").OnDelete(Rule.Cascade).OnUpdate(Rule.Cascade)
            .WithColumn("orgId").AsString().Nullable()
            .WithColumn("type").AsString()
            .WithColumn("actorId").AsString().Nullable()
            .WithColumn("data").AsCustom("jsonb").Nullable()
            .WithColumn("createdAt").As(time.Now);
        create.Index("claim_events_claimId_createdAt_idx").OnTable("claim_events").OnColumn("claimId").Ascending().OnColumn("createdAt").Ascending();
        create.Index("claim_events_type_idx").OnTable("claim_events").OnColumn("type");

        // Feature 4 tracks report e-mails in react_json (the email_logs workaround).
        create.Table("email_queue")
            .WithColumn("id").AsString().PrimaryKey("email_queue_pkey")
            .WithColumn("orgId").AsString().Nullable()
            .WithColumn("to").AsString()
            .WithColumn("subject").AsString()
            .WithColumn("template").AsString().Nullable()
            .WithColumn("react_json").AsCustom("jsonb").Nullable()
            .WithColumn("status").AsString().WithDefaultValue("pending")
            .WithColumn("attempts").AsInt32().WithDefaultValue(0)
            .WithColumn("lastError").AsString().Nullable()
            .WithColumn("sentAt").As(time.Type).Nullable()
            .WithColumn("createdAt").As(time.Now);
        create.Index("email_queue_status_createdAt_idx").OnTable("email_queue").OnColumn("status").Ascending().OnColumn("createdAt").Ascending();

        // Feature 5 counts these bytes and files against an organisation's quota.
        create.Table("branding_uploads")
            .WithColumn("id").AsString().PrimaryKey("branding_uploads_pkey")
            .WithColumn("orgId").AsString()
            .WithColumn("kind").AsString()
            .WithColumn("fileName").AsString()
            .WithColumn("url").AsString()
            .WithColumn("mimeType").AsString().Nullable()
            .WithColumn("sizeBytes").AsInt64().WithDefaultValue(0)
            .WithColumn("createdAt").As(time.Now);
        create.Index("branding_uploads_orgId_idx").OnTable("branding_uploads").OnColumn("orgId");

        // Feature 5 as well; a document's organisation is its claim's.
        create.Table("claim_documents")
            .WithColumn("id").AsString().PrimaryKey("claim_documents_pkey")
            .WithColumn("claimId").AsString()
                .ForeignKey("claim_documents_claimId_fkey", "claims", "id").OnDelete(Rule.Cascade).OnUpdate(Rule.Cascade)
            .WithColumn("fileName").AsString()
            .WithColumn("storagePath").AsString()
            .WithColumn("mimeType").AsString().Nullable()
            .WithColumn("sizeBytes").AsInt64().WithDefaultValue(0)
            .WithColumn("uploadedBy").AsString().Nullable()
            .WithColumn("createdAt").As(time.Now);
        create.Index("claim_documents_claimId_idx").OnTable("claim_documents").OnColumn("claimId");
    }

    public override void Down()
    {
        // Children before the tables they reference.
        Delete.Table("claim_documents");
        Delete.Table("branding_uploads");
        Delete.Table("email_queue");
        Delete.Table("claim_events");
        Delete.Table("PortalLink");
        Delete.Table("ClaimTimelineEvent");
        Delete.Table("ai_reports");
        Delete.Table("ClientProConnection");
        Delete.Table("tradesCompany");
        Delete.Table("claims");
    }
}

/// <summary>Lets a column's type come from a function inside a fluent table definition.</summary>
file static class ColumnTypeSyntax
{
    public static ICreateTableColumnOptionOrWithColumnSyntax As(
        this ICreateTableColumnAsTypeSyntax column, Func<ICreateTableColumnAsTypeSyntax, ICreateTableColumnOptionOrWithColumnSyntax> type) => type(column);
}
