using System.Collections.Immutable;
using FluentMigrator;

namespace Migrations.Workspace;

/// <summary>0006: the AI cost queries: usage per user, provider, feature and over time; budgets per owner.</summary>
[Migration(6, "0006_indexes_ai_costs.sql")]
public sealed class M0006_IndexesAiCosts : Migration
{
    private static readonly ImmutableArray<(string Table, string Column)> Indexes =
    [
        ("ai_usage_logs", "user_id"),
        ("ai_usage_logs", "provider"),
        ("ai_usage_logs", "feature"),
        ("ai_usage_logs", "created_at"),
        ("ai_cost_budgets", "user_id"),
        ("ai_cost_budgets", "workspace_id"),
    ];

    public override void Up()
    {
        foreach (var (table, column) in Indexes)
        {
            Create.Index($"idx_{table}_{column}").OnTable(table).OnColumn(column).Ascending();
        }
    }

    public override void Down()
    {
        foreach (var (table, column) in Indexes.Reverse())
        {
            Delete.Index($"idx_{table}_{column}").OnTable(table);
        }
    }
}
