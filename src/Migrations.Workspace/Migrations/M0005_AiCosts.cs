using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0005: AI usage and budgets. Usage rows are cost records: they outlive the user or workspace
/// (SET NULL) so monthly totals stay right. The providers are those the AI router knows (0016
/// names them: Gemini and OpenAI). A budget belongs to a user or a workspace, or to
/// neither (a global budget), and goes with its owner (CASCADE).
/// </summary>
[Migration(5, "0005_ai_costs.sql")]
public sealed class M0005_AiCosts : Migration
{
    public override void Up()
    {
        Create.Table("ai_usage_logs")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("user_id").AsString().Nullable().ForeignKey("fk_ai_usage_logs_user_id", "users", "id").OnDelete(Rule.SetNull)
            .WithColumn("workspace_id").AsString().Nullable().ForeignKey("fk_ai_usage_logs_workspace_id", "workspaces", "id").OnDelete(Rule.SetNull)
            .WithColumn("provider").AsString().Check(Sql.In("provider", "gemini", "openai"))
            .WithColumn("model").AsString()
            .WithColumn("feature").AsString()
            .WithColumn("input_tokens").AsInt32().WithDefaultValue(0)
            .WithColumn("output_tokens").AsInt32().WithDefaultValue(0)
            .WithColumn("cost_usd").AsDecimal(12, 6).WithDefaultValue(0)
            .WithColumn("latency_ms").AsInt32().Nullable()
            .WithColumn("status").AsString().WithDefaultValue("success").Check(Sql.In("status", "success", "error"))
            .WithColumn("error_message").AsString().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("ai_cost_budgets")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("user_id").AsString().Nullable().ForeignKey("fk_ai_cost_budgets_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("workspace_id").AsString().Nullable().ForeignKey("fk_ai_cost_budgets_workspace_id", "workspaces", "id").OnDelete(Rule.Cascade)
            .WithColumn("period").AsString().WithDefaultValue("monthly").Check(Sql.In("period", "daily", "monthly"))
            .WithColumn("limit_usd").AsDecimal(12, 4)
            .WithColumn("alert_threshold_pct").AsInt32().WithDefaultValue(80).Check("alert_threshold_pct BETWEEN 1 AND 100")
            .WithColumn("is_active").AsBoolean().WithDefaultValue(true)
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
    }

    public override void Down()
    {
        Delete.Table("ai_cost_budgets");
        Delete.Table("ai_usage_logs");
    }
}
