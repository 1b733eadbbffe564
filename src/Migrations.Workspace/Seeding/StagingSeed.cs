using System.Globalization;
using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// The Staging profile: volume data for load tests, generated from the row number alone, so two
/// runs give the same rows. With S = the run's seed scale (--seed-scale, default 1000, from the
/// <see cref="RunSettings"/> FluentMigrator injects):
/// work_items, thread_messages and thread_message_deliveries get S rows each (the largest tables);
/// users U = max(10, S/10); workspaces W = max(1, U/10); one workspace membership and one room
/// membership per user; 2W rooms; ai_usage_logs S/10; one thread per user with two participants
/// and one invite. Every id starts with "stg-": a run first deletes the rows of that key space,
/// children first, then streams the rows in again (binary COPY on PostgreSQL, one prepared
/// INSERT on SQLite), parents before children.
/// </summary>
[Profile("Staging")]
public sealed class StagingSeed(RunSettings run, ILogger<StagingSeed> logger) : SeedProfile(logger)
{
    public const string Prefix = "stg-";

    /// <summary>Children before parents: the order the previous run's rows are deleted in.</summary>
    internal static readonly string[] DeleteOrder =
    [
        "thread_message_deliveries", "thread_messages", "thread_invites", "thread_participants", "threads",
        "ai_usage_logs", "work_items", "room_members", "rooms", "workspace_members", "workspaces", "users",
    ];

    private static readonly DateTime Epoch = new(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Statuses = ["todo", "in_progress", "done", "cancelled"];
    private static readonly string[] Scopes = ["private", "room", "quest", "squad"];
    private static readonly string[] InviteStatuses = ["pending", "accepted", "declined", "expired"];

    public static (int Users, int Workspaces) Sizes(int scale)
    {
        var users = Math.Max(10, scale / 10);
        return (users, Math.Max(1, users / 10));
    }

    public override void Up()
    {
        var scale = Math.Max(1, run.SeedScale);
        var (u, w) = Sizes(scale);

        foreach (var table in DeleteOrder.Where(t => Schema.Table(t).Exists()))
        {
            Execute.Sql($"DELETE FROM {table} WHERE id LIKE '{Prefix}%'");
        }

        if (!Requires("the whole Staging seed", "users", "workspaces", "workspace_members", "rooms", "room_members"))
        {
            return;
        }

        Log($"Staging seed at scale {scale}: {u} users, {w} workspaces, {scale} work items and messages");

        Insert.IntoTable("users").Bulk(["id", "email", "display_name", "timezone", "status", "created_at", "updated_at"], () =>
            Range(u, i => [User(i), $"stg-user-{i:D7}@staging.example.com", $"Load User {i}", i % 2 == 0 ? "UTC" : "Europe/Paris", i % 50 == 49 ? "suspended" : "active", Time(i), Time(i)]));
        Insert.IntoTable("workspaces").Bulk(["id", "owner_id", "name", "description", "created_at", "updated_at"], () =>
            Range(w, i => [Workspace(i), User(i), $"Load Workspace {i}", null, Time(i), Time(i)]));
        Insert.IntoTable("workspace_members").Bulk(["id", "workspace_id", "user_id", "role", "joined_at"], () =>
            Range(u, i => [Id("wm", i), Workspace(i % w), User(i), i < w ? "owner" : i % 7 == 0 ? "admin" : "member", Time(i)]));
        // Room r belongs to workspace r % W: r < W is its open room, r >= W its private one.
        Insert.IntoTable("rooms").Bulk(["id", "workspace_id", "name", "is_private", "created_by", "created_at", "updated_at"], () =>
            Range(2 * w, r => [Room(r), Workspace(r % w), r < w ? "general" : "private", r >= w, User(r % w), Time(r), Time(r)]));
        Insert.IntoTable("room_members").Bulk(["id", "room_id", "user_id", "role", "joined_at"], () =>
            Range(u, i => [Id("rm", i), Room(UserRoom(i, w)), User(i), i < w ? "owner" : "member", Time(i)]));

        if (Requires("work items", "work_items"))
        {
            // Before 0024 the column is visibility, with only private and room.
            var scoped = HasColumn("work_items", "visibility_scope");
            Insert.IntoTable("work_items").Bulk(
                ["id", "user_id", "workspace_id", "room_id", "type", "title", "status", scoped ? "visibility_scope" : "visibility", "scheduled_at", "completed_at", "created_at", "updated_at"],
                () => Range(scale, k =>
                {
                    var user = k % u;
                    var scheduled = k % 5 == 0;
                    var status = Statuses[k % Statuses.Length];
                    return [Id("wi", k), User(user), Workspace(user % w), k % 3 == 0 ? null : Room(user % w + (k % 2 == 0 ? 0 : w)),
                        scheduled ? "scheduled" : "task", $"Load item {k}", status, scoped ? Scopes[k % 4] : Scopes[k % 2],
                        scheduled ? Time(k).AddDays(7) : null, status == "done" ? Time(k).AddHours(5) : null, Time(k), Time(k)];
                }));
        }

        if (Requires("AI usage", "ai_usage_logs"))
        {
            Insert.IntoTable("ai_usage_logs").Bulk(
                ["id", "user_id", "workspace_id", "provider", "model", "feature", "input_tokens", "output_tokens", "cost_usd", "latency_ms", "status", "created_at"],
                () => Range(Math.Max(1, scale / 10), k =>
                {
                    var gemini = k % 2 == 0;
                    var input = 200 + k % 1800;
                    var output = 50 + k % 400;
                    return [Id("ai", k), User(k % u), Workspace(k % u % w), gemini ? "gemini" : "openai", gemini ? "gemini-2.0-flash" : "gpt-4o-mini",
                        k % 3 == 0 ? "thread_candidates" : "summarize", input, output, Math.Round((input + 4m * output) / 1_000_000m, 6),
                        300 + k % 900, k % 20 == 19 ? "error" : "success", Time(k)];
                }));
        }

        // thread_messages exists from 0022 but its thread ids only mean something (and have their foreign key) from 0026.
        if (Requires("threads, participants, invites and messages", "threads", "thread_participants", "thread_invites", "thread_messages", "thread_message_deliveries"))
        {
            Insert.IntoTable("threads").Bulk(["id", "user_id", "workspace_id", "title", "status", "created_at", "updated_at"], () =>
                Range(u, t => [Thread(t), User(t), t % 4 == 3 ? null : Workspace(t % w), $"Load thread {t}", t % 10 == 9 ? "archived" : "active", Time(t), Time(t)]));
            // Participants 2t (owner, user t) and 2t+1 (member, the next user).
            Insert.IntoTable("thread_participants").Bulk(["id", "thread_id", "user_id", "email", "role", "joined_at"], () =>
                Range(2 * u, p => [Id("tp", p), Thread(p / 2), User(Member(p / 2, p % 2, u)), null, p % 2 == 0 ? "owner" : "member", Time(p / 2)]));
            Insert.IntoTable("thread_invites").Bulk(["id", "thread_id", "token", "email", "candidate_name", "candidate_reason", "status", "expires_at", "accepted_at", "created_at"], () =>
                Range(u, t =>
                {
                    var status = InviteStatuses[t % 4];
                    return [Id("ti", t), Thread(t), $"stg{t:D29}", $"candidate-{t:D7}@staging.example.com", $"Candidate {t}", "generated for load tests",
                        status, Time(t).AddHours(72), status == "accepted" ? Time(t).AddHours(2) : null, Time(t)];
                }));
            // Message m is in thread m % U, sent by its owner or its member in turn; its one delivery goes to the other.
            Insert.IntoTable("thread_messages").Bulk(["id", "thread_id", "sender_user_id", "body", "message_type", "status", "created_at"], () =>
                Range(scale, m => [Id("msg", m), Thread(m % u), User(Member(m % u, m / u % 2, u)), $"Load message {m}", "text", m % 25 == 24 ? "edited" : "sent", Time(m)]));
            Insert.IntoTable("thread_message_deliveries").Bulk(["id", "message_id", "recipient_user_id", "channel", "status", "delivered_at", "read_at", "created_at"], () =>
                Range(scale, m =>
                {
                    var read = m % 3 != 0;
                    return [Id("del", m), Id("msg", m), User(Member(m % u, 1 - m / u % 2, u)), m % 10 == 0 ? "email" : "in_app",
                        read ? "read" : "delivered", Time(m), read ? Time(m).AddMinutes(5) : null, Time(m)];
                }));
        }
    }

    public static string User(int i) => Id("user", i);

    public static string Workspace(int i) => Id("ws", i);

    public static string Room(int i) => Id("room", i);

    public static string Thread(int i) => Id("thread", i);

    /// <summary>The room of user i: the open or the private room of its workspace, in turn.</summary>
    public static int UserRoom(int i, int workspaces) => i % workspaces + (i / workspaces % 2 == 0 ? 0 : workspaces);

    /// <summary>Thread t's owner (side 0) is user t, its member (side 1) the next user.</summary>
    public static int Member(int thread, int side, int users) => (thread + side) % users;

    private static string Id(string kind, int n) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{kind}-{n:D7}");

    private static DateTime Time(int n) => Epoch.AddSeconds(n * 13L % (30 * 24 * 3600));

    private static IEnumerable<object?[]> Range(int count, Func<int, object?[]> row)
    {
        for (var i = 0; i < count; i++)
        {
            yield return row(i);
        }
    }
}
