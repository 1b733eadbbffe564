using FluentMigrator;

namespace Migrations.Claims.Migrations;

/// <summary>
/// Schema Drift 2: "email_logs Table Missing", built exactly as the seed's suggested model
/// <c>email_log</c>. The table takes the model's name (Prisma's client for it is
/// <c>prisma.email_log</c>, so the failing call in reports/email/route.ts is corrected to match,
/// not the table). The model declares no relations, so reportId and claimId carry no foreign keys:
/// a log line outlives the report or claim it was about.
/// </summary>
[Migration(ClaimsVersions.EmailLog, "Schema Drift 2: email_log table (code's email_logs)")]
public sealed class CreateEmailLog : Migration
{
    public override void Up()
    {
        Create.Table("email_log")
            .WithColumn("id").AsString().PrimaryKey("email_log_pkey")
            .WithColumn("reportId").AsString().Nullable()
            .WithColumn("claimId").AsString().Nullable()
            .WithColumn("orgId").AsString()
            .WithColumn("recipientEmail").AsString()
            .WithColumn("recipientName").AsString().Nullable()
            .WithColumn("subject").AsString()
            .WithColumn("resendId").AsString().Nullable()
            .WithColumn("status").AsString().WithDefaultValue("queued")
            .WithColumn("openedAt").AsDateTime().Nullable()
            .WithColumn("clickedAt").AsDateTime().Nullable()
            .WithColumn("errorMessage").AsString().Nullable()
            .WithColumn("metadata").AsCustom("jsonb").Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // @@index([orgId, createdAt]), @@index([reportId]), @@index([status]) under Prisma's names.
        Create.Index("email_log_orgId_createdAt_idx").OnTable("email_log").OnColumn("orgId").Ascending().OnColumn("createdAt").Ascending();
        Create.Index("email_log_reportId_idx").OnTable("email_log").OnColumn("reportId");
        Create.Index("email_log_status_idx").OnTable("email_log").OnColumn("status");
    }

    public override void Down() => Delete.Table("email_log");
}
