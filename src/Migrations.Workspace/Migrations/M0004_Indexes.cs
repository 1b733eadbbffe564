using System.Collections.Immutable;
using FluentMigrator;

namespace Migrations.Workspace;

/// <summary>
/// 0004: lookup, foreign-key, status and timestamp indexes for the 0001-0003 tables. Each index is
/// named idx_{table}_{column}. Email lookup is the unique idx_users_email: email is the login, so
/// the lookup index also keeps it unique. Foreign keys that already lead a unique pair
/// (workspace_members.workspace_id, room_members.room_id, ...) need no index of their own.
/// </summary>
[Migration(4, "0004_indexes.sql")]
public sealed class M0004_Indexes : Migration
{
    private static readonly ImmutableArray<(string Table, string Column, bool Unique)> Indexes =
    [
        ("users", "email", true),
        ("users", "display_name", false),
        ("workspaces", "owner_id", false),
        ("workspace_members", "user_id", false),
        ("rooms", "workspace_id", false),
        ("room_members", "user_id", false),
        ("work_items", "user_id", false),
        ("work_items", "workspace_id", false),
        ("work_items", "room_id", false),
        ("work_items", "status", false),
        ("work_items", "scheduled_at", false),
        ("inbox_items", "user_id", false),
        ("inbox_items", "created_at", false),
        ("relationships", "user_id", false),
        ("relationships", "related_user_id", false),
        ("lists", "owner_id", false),
        ("list_items", "list_id", false),
        ("list_members", "user_id", false),
        ("hosted_events", "host_user_id", false),
        ("hosted_events", "status", false),
        ("hosted_events", "starts_at", false),
        ("event_participants", "user_id", false),
        ("audit_logs", "admin_user_id", false),
        ("audit_logs", "created_at", false),
    ];

    public override void Up()
    {
        foreach (var (table, column, unique) in Indexes)
        {
            var index = Create.Index($"idx_{table}_{column}").OnTable(table).OnColumn(column).Ascending();
            if (unique)
            {
                index.WithOptions().Unique();
            }
        }
    }

    public override void Down()
    {
        foreach (var (table, column, _) in Indexes.Reverse())
        {
            Delete.Index($"idx_{table}_{column}").OnTable(table);
        }
    }
}
