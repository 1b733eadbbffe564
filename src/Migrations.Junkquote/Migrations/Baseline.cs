using System.Data;
using FluentMigrator;

namespace Migrations.Junkquote.Migrations;

/// <summary>
/// The eight tables junkquote_db had before Batch 1 ("Before: 8 tables"). The seed names Lead
/// (with stateMetadata holding the message history), Job and the audit log; the other five are
/// modelled for what a junk-removal quoting app stores. Columns keep Prisma's default camelCase,
/// as the seed's "stateMetadata" shows, and every id is a UUID ("existing tables use UUID").
/// </summary>
[Migration(JunkquoteVersions.Baseline, "Baseline: the 8 tables before Batch 1 (Lead, Job, AuditLog and the rest)")]
public sealed class Baseline : Migration
{
    public override void Up()
    {
        Create.Table("User")
            .WithColumn("id").AsGuid().PrimaryKey("User_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("email").AsString(255)
            .WithColumn("name").AsString(200).Nullable()
            .WithColumn("role").AsString(32).WithDefaultValue("staff")
            .WithColumn("passwordHash").AsString().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // A unique index, as before; FluentMigrator's column .Unique(name) would add an inline UNIQUE too on SQLite (#1851).
        Create.Index("User_email_key").OnTable("User").OnColumn("email").Ascending().WithOptions().Unique();

        Create.Table("Crew")
            .WithColumn("id").AsGuid().PrimaryKey("Crew_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("name").AsString(100)
            .WithColumn("phone").AsString(32).Nullable()
            .WithColumn("active").AsBoolean().WithDefaultValue(true)
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("PricingRule")
            .WithColumn("id").AsGuid().PrimaryKey("PricingRule_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("name").AsString(100)
            .WithColumn("itemCategory").AsString(64).Nullable()
            .WithColumn("basePrice").AsDecimal(10, 2).WithDefaultValue(0)
            .WithColumn("pricePerCubicYard").AsDecimal(10, 2).WithDefaultValue(0)
            .WithColumn("active").AsBoolean().WithDefaultValue(true)
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // A lead is one inbound request; the same person may send many (Batch 2 groups them into customers).
        Create.Table("Lead")
            .WithColumn("id").AsGuid().PrimaryKey("Lead_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("name").AsString(200).Nullable()
            .WithColumn("phone").AsString(32).Nullable()
            .WithColumn("email").AsString(255).Nullable()
            .WithColumn("address").AsString().Nullable()
            .WithColumn("source").AsString(32).WithDefaultValue("web")
            .WithColumn("status").AsString(32).WithDefaultValue("new")
            .WithColumn("stateMetadata").AsCustom("jsonb").Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("Lead_status_idx").OnTable("Lead").OnColumn("status");
        Create.Index("Lead_createdAt_idx").OnTable("Lead").OnColumn("createdAt");

        Create.Table("LeadPhoto")
            .WithColumn("id").AsGuid().PrimaryKey("LeadPhoto_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("leadId").AsGuid().ForeignKey("LeadPhoto_leadId_fkey", "Lead", "id").OnDelete(Rule.Cascade)
            .WithColumn("url").AsString()
            .WithColumn("aiAnalysis").AsCustom("jsonb").Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("LeadPhoto_leadId_idx").OnTable("LeadPhoto").OnColumn("leadId");

        Create.Table("Quote")
            .WithColumn("id").AsGuid().PrimaryKey("Quote_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("leadId").AsGuid().ForeignKey("Quote_leadId_fkey", "Lead", "id").OnDelete(Rule.Cascade)
            .WithColumn("lowEstimate").AsDecimal(10, 2)
            .WithColumn("highEstimate").AsDecimal(10, 2)
            .WithColumn("volumeCubicYards").AsDecimal(6, 2).Nullable()
            .WithColumn("status").AsString(32).WithDefaultValue("draft")
            .WithColumn("notes").AsString().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("Quote_leadId_idx").OnTable("Quote").OnColumn("leadId");

        Create.Table("Job")
            .WithColumn("id").AsGuid().PrimaryKey("Job_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("leadId").AsGuid().Nullable().ForeignKey("Job_leadId_fkey", "Lead", "id").OnDelete(Rule.SetNull)
            .WithColumn("quoteId").AsGuid().Nullable().ForeignKey("Job_quoteId_fkey", "Quote", "id").OnDelete(Rule.SetNull)
            .WithColumn("crewId").AsGuid().Nullable().ForeignKey("Job_crewId_fkey", "Crew", "id").OnDelete(Rule.SetNull)
            .WithColumn("status").AsString(32).WithDefaultValue("scheduled")
            .WithColumn("address").AsString().Nullable()
            .WithColumn("scheduledStart").AsDateTime().Nullable()
            .WithColumn("scheduledEnd").AsDateTime().Nullable()
            .WithColumn("finalPrice").AsDecimal(10, 2).Nullable()
            .WithColumn("notes").AsString().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("Job_leadId_idx").OnTable("Job").OnColumn("leadId");
        Create.Index("Job_scheduledStart_idx").OnTable("Job").OnColumn("scheduledStart");

        // The audit log outlives what it describes: deleting a lead or job keeps its history.
        Create.Table("AuditLog")
            .WithColumn("id").AsGuid().PrimaryKey("AuditLog_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("leadId").AsGuid().Nullable().ForeignKey("AuditLog_leadId_fkey", "Lead", "id").OnDelete(Rule.SetNull)
            .WithColumn("jobId").AsGuid().Nullable().ForeignKey("AuditLog_jobId_fkey", "Job", "id").OnDelete(Rule.SetNull)
            .WithColumn("action").AsString(100)
            .WithColumn("actor").AsString(100).Nullable()
            .WithColumn("details").AsCustom("jsonb").Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
        Create.Index("AuditLog_leadId_createdAt_idx").OnTable("AuditLog").OnColumn("leadId").Ascending().OnColumn("createdAt").Ascending();
    }

    public override void Down()
    {
        Delete.Table("AuditLog");
        Delete.Table("Job");
        Delete.Table("Quote");
        Delete.Table("LeadPhoto");
        Delete.Table("Lead");
        Delete.Table("PricingRule");
        Delete.Table("Crew");
        Delete.Table("User");
    }
}
