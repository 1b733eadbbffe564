using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Claims.Migrations;

/// <summary>
/// Future Improvement 3: "Report Queue Dedicated Table", for when ai_reports becomes overloaded.
/// As the seed's model: no relations are declared, so reportId, claimId and orgId are plain
/// references (a queue entry may outlive its report). Its status takes Feature 1's four queue
/// states, enforced as they are on ai_reports.
/// </summary>
[Migration(ClaimsVersions.ReportQueue, "Future Improvement 3: report_queue table")]
public sealed class CreateReportQueue : Migration
{
    public override void Up()
    {
        Create.Table("report_queue")
            .WithColumn("id").AsString().PrimaryKey("report_queue_pkey")
            .WithColumn("reportId").AsString()
            .WithColumn("claimId").AsString()
            .WithColumn("orgId").AsString()
            .WithColumn("priority").AsInt32().WithDefaultValue(5)
            .WithColumn("status").AsString().WithDefaultValue("queued")
                .Check("\"status\" IN ('queued', 'processing', 'completed', 'failed')")
            .WithColumn("attempts").AsInt32().WithDefaultValue(0)
            .WithColumn("lastError").AsString().Nullable()
            .WithColumn("scheduledFor").AsDateTime().Nullable()
            .WithColumn("startedAt").AsDateTime().Nullable()
            .WithColumn("completedAt").AsDateTime().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // The worker takes the next job by status, then priority, then age.
        Create.Index("report_queue_status_priority_createdAt_idx").OnTable("report_queue")
            .OnColumn("status").Ascending().OnColumn("priority").Ascending().OnColumn("createdAt").Ascending();
        Create.Index("report_queue_orgId_idx").OnTable("report_queue").OnColumn("orgId");
    }

    public override void Down() => Delete.Table("report_queue");
}
