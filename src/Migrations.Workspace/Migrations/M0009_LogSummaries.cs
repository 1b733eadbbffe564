using FluentMigrator;

namespace Migrations.Workspace;

/// <summary>
/// 0009: one row per day and log source, written by the nightly aggregation job; re-running the
/// job for a day updates its row (unique day + source).
/// </summary>
[Migration(9, "0009_log_summaries.sql")]
public sealed class M0009_LogSummaries : Migration
{
    public override void Up()
    {
        Create.Table("daily_log_summaries")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("summary_date").AsDate()
            .WithColumn("source").AsString()
            .WithColumn("total_events").AsInt32().WithDefaultValue(0)
            .WithColumn("error_count").AsInt32().WithDefaultValue(0)
            .WithColumn("warning_count").AsInt32().WithDefaultValue(0)
            .WithColumn("unique_users").AsInt32().WithDefaultValue(0)
            .WithColumn("ai_cost_usd").AsDecimal(12, 6).WithDefaultValue(0)
            .WithColumn("details_json").AsCustom("jsonb").Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Index("uq_daily_log_summaries_date_source").OnTable("daily_log_summaries")
            .OnColumn("summary_date").Ascending().OnColumn("source").Ascending().WithOptions().Unique();
    }

    public override void Down() => Delete.Table("daily_log_summaries");
}
