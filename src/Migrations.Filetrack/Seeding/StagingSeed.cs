using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;

namespace Migrations.Filetrack.Seeding;

/// <summary>
/// Staging volume data for load tests. <c>events</c> (the file-system event stream, the table that
/// grows fastest in production) gets exactly <see cref="RunSettings.SeedScale"/>
/// rows; the other tables are sized from it (see <see cref="Sizes"/>). Every value is a function of
/// the row number, so two seeds at one scale give identical rows. Each run first deletes the rows
/// a previous Staging seed generated (the <c>5a000000-…</c> key space, children first), then
/// streams the new ones in (binary COPY on PostgreSQL, one prepared INSERT on SQLite), parents
/// first. Rows the application made are never touched. Missing tables are skipped with a log line.
/// The scale comes from the run (<c>--seed-scale</c>) through the constructor.
/// </summary>
[Profile("Staging")]
public sealed class StagingSeed(RunSettings run, ILogger<StagingSeed> logger) : SeedProfile(logger)
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] EventTypes = ["created", "modified", "deleted", "renamed", "moved", "opened"];
    private static readonly string[] Extensions = [".pdf", ".docx", ".xlsx", ".png", ".jpg", ".md", ".ts", ".psd"];
    private static readonly string[] Apps = ["com.apple.finder", "com.apple.Preview", "code", "excel.exe", "explorer.exe", "com.adobe.Photoshop"];
    private static readonly string[] ExecutionStatuses = ["succeeded", "succeeded", "succeeded", "failed", "running", "pending", "cancelled"];
    private static readonly string[] RelationshipTypes = ["co_accessed", "derived_from", "references", "same_project"];
    private static readonly string[] MfaMethods = ["totp", "sms", "webauthn", "email"];
    private static readonly string[] OrganizationRoles = ["admin", "member", "member", "member", "viewer"];
    private static readonly string[] SubscriptionStatuses = ["active", "active", "active", "trialing", "past_due", "canceled", "incomplete"];
    private static readonly string[] Signals = ["file_open", "window_title", "clipboard"];
    private static readonly string[] Providers = ["google-drive", "dropbox", "onedrive", "slack"];
    private static readonly string[] Metrics = ["api.latency_p95_ms", "ingest.events_per_minute", "workflows.failures", "db.connections"];
    private static readonly (string Code, string Name, int PriceCents, string Interval)[] Offers =
        [("staging-free", "Free", 0, "month"), ("staging-pro-monthly", "Pro (monthly)", 900, "month"), ("staging-team-yearly", "Team (yearly)", 9900, "year")];

    /// <summary>Rows per table at <paramref name="scale"/>; parents before children (the insert order).</summary>
    public static IReadOnlyList<(string Table, long Rows)> Sizes(int scale)
    {
        long s = Math.Max(1, scale);
        var users = Math.Max(1, s / 100);
        var organizations = Math.Max(1, users / 20);
        return
        [
            ("users", users),
            ("sessions", users),
            ("mfa_enforced_sessions", (users + 3) / 4), // users 0, 4, 8, ... have MFA
            ("organizations", organizations),
            ("organization_members", users),
            ("workflows", users),
            ("workflow_versions", 2 * users),
            ("workflow_executions", s / 10),
            ("events", s),
            ("patterns", 5 * users),
            ("relationships", 2 * users),
            ("privacy_prefs", users),
            ("app_allowlist", 2 * users),
            ("signal_toggles", 3 * users),
            ("telemetry_events", s / 2),
            ("privacy_transparency_log", users),
            ("audit_logs", s / 10),
            ("retention_policies", 2 * organizations),
            ("offers", Offers.Length),
            ("subscriptions", users),
            ("feature_flags", 10),
            ("utm_tracks", users),
            ("cohorts", users),
            ("metrics_log", s / 10),
            ("user_integrations", users),
            ("nps_submissions", users / 2),
        ];
    }

    protected override void SeedRows()
    {
        var scale = Math.Max(1, run.SeedScale);
        var size = Sizes(scale).ToDictionary(x => x.Table, x => x.Rows, StringComparer.Ordinal);
        var users = size["users"];
        var organizations = size["organizations"];
        var plans = new List<(string Table, string[] Columns, Func<IEnumerable<object?[]>> Rows)>();

        void Plan(string table, string[] parents, string[] columns, Func<long, object?[]> row)
        {
            if (Ready(table, columns, parents))
            {
                var count = size[table];
                plans.Add((table, columns, () => Generate(count, row)));
            }
        }

        Plan("users", [], ["id", "email", "name", "role", "mfaEnabled", "createdAt", "updatedAt"],
            n => [User(n), $"load-{n:D7}@staging.filetrack.test", $"Load User {n}", n % 50 == 0 ? "admin" : "user", n % 4 == 0, At(n), At(n)]);
        Plan("sessions", ["users"], ["id", "userId", "token", "expiresAt", "ipAddress", "userAgent", "createdAt"],
            n => [Id("sessions", n), User(n), $"staging-session-{n:D7}", At(n).AddYears(10), $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}", "FileTrack/1.4 (load test)", At(n)]);
        Plan("mfa_enforced_sessions", ["sessions", "users"], ["id", "sessionId", "userId", "method", "verifiedAt", "expiresAt", "createdAt"],
            n => [Id("mfa_enforced_sessions", n), Id("sessions", 4 * n), User(4 * n), MfaMethods[n % MfaMethods.Length], At(4 * n), At(4 * n).AddYears(10), At(4 * n)]);
        Plan("organizations", ["users"], ["id", "name", "slug", "ownerId", "createdAt", "updatedAt"],
            n => [Org(n), $"Load Org {n}", $"staging-org-{n:D6}", User(n), At(n), At(n)]);
        // User n is a member of organisation n % O; users 0..O-1 own theirs.
        Plan("organization_members", ["organizations", "users"], ["id", "organizationId", "userId", "role", "joinedAt"],
            n => [Id("organization_members", n), Org(n % organizations), User(n), n < organizations ? "owner" : OrganizationRoles[n % OrganizationRoles.Length], At(n)]);
        Plan("workflows", ["users", "organizations"], ["id", "userId", "organizationId", "name", "description", "definition", "isActive", "createdAt", "updatedAt"],
            n => [Id("workflows", n), User(n), n % 3 == 0 ? null : Org(n % organizations), $"Load workflow {n}", null,
                $$"""{"trigger":"event","fileExtension":"{{Extensions[n % Extensions.Length]}}","action":"tag"}""", n % 5 != 0, At(n), At(n)]);
        // Two versions per workflow: rows 2w and 2w+1 are versions 1 and 2 of workflow w.
        Plan("workflow_versions", ["workflows", "users"], ["id", "workflowId", "version", "definition", "createdBy", "createdAt"],
            n => [Id("workflow_versions", n), Id("workflows", n / 2), (int)(n % 2) + 1, $$"""{"revision":{{n % 2 + 1}}}""", User(n / 2), At(n / 2)]);
        Plan("workflow_executions", ["workflows", "workflow_versions", "users"],
            ["id", "workflowId", "workflowVersionId", "triggeredBy", "status", "startedAt", "completedAt", "error", "logs"],
            n =>
            {
                var workflow = n % users;
                var status = ExecutionStatuses[n % ExecutionStatuses.Length];
                var finished = status is "succeeded" or "failed" or "cancelled";
                return [Id("workflow_executions", n), Id("workflows", workflow), Id("workflow_versions", 2 * workflow + 1), User(workflow), status,
                    At(n), finished ? At(n).AddSeconds(30) : null, status == "failed" ? "Simulated failure for load tests" : null, "[]"];
            });
        Plan("events", ["users"], ["id", "userId", "filePath", "eventType", "appId", "fileExtension", "fileSize", "metadata", "timestamp"],
            n =>
            {
                var extension = Extensions[n % Extensions.Length];
                return [Id("events", n), User(n % users), $"/load/{n % users}/dir{n % 97}/file{n}{extension}", EventTypes[n % EventTypes.Length],
                    Apps[n % Apps.Length], extension, 1024L + (n * 7919 % 10_000_000), $$"""{"seq":{{n}}}""", At(n)];
            });
        // Five distinct extensions per user: (userId, fileExtension) stays unique.
        Plan("patterns", ["users"], ["id", "userId", "fileExtension", "frequency", "lastSeenAt", "metadata", "createdAt", "updatedAt"],
            n => [Id("patterns", n), User(n / 5), Extensions[n % 5], (int)(n % 200), At(n), "{}", At(n / 5), At(n)]);
        Plan("relationships", ["users"], ["id", "userId", "sourceFile", "targetFile", "relationshipType", "strength", "createdAt", "updatedAt"],
            n => [Id("relationships", n), User(n / 2), $"/load/{n / 2}/a{n}.md", $"/load/{n / 2}/b{n}.pdf", RelationshipTypes[n % RelationshipTypes.Length],
                (n % 101) / 100.0, At(n), At(n)]);
        Plan("privacy_prefs", ["users"], ["id", "userId", "telemetryEnabled", "crashReportsEnabled", "dataRetentionDays", "createdAt", "updatedAt"],
            n => [Id("privacy_prefs", n), User(n), n % 2 == 0, n % 3 == 0, n % 4 == 0 ? 30 : 90, At(n), At(n)]);
        Plan("app_allowlist", ["users"], ["id", "userId", "appId", "appName", "isAllowed", "createdAt", "updatedAt"],
            n => [Id("app_allowlist", n), User(n / 2), Apps[n % 2], null, n % 3 != 0, At(n), At(n)]);
        Plan("signal_toggles", ["users"], ["id", "userId", "signal", "enabled", "createdAt", "updatedAt"],
            n => [Id("signal_toggles", n), User(n / 3), Signals[n % 3], n % 2 == 0, At(n), At(n)]);
        Plan("telemetry_events", ["users"], ["id", "userId", "appId", "eventName", "properties", "timestamp"],
            n => [Id("telemetry_events", n), User(n % users), n % 2 == 0 ? "filetrack-desktop" : "filetrack-web", n % 3 == 0 ? "app_opened" : "pattern_viewed",
                $$"""{"seq":{{n}}}""", At(n)]);
        Plan("privacy_transparency_log", ["users"], ["id", "userId", "action", "dataCategory", "details", "createdAt"],
            n => [Id("privacy_transparency_log", n), User(n), "telemetry_collected", "usage", "{}", At(n)]);
        Plan("audit_logs", ["users", "organizations"], ["id", "userId", "organizationId", "action", "resourceType", "resourceId", "metadata", "ipAddress", "createdAt"],
            n => [Id("audit_logs", n), User(n % users), Org(n % users % organizations), "file.synced", "event", Id("events", n).ToString(), "{}", "10.0.0.1", At(n)]);
        // Two data categories per organisation: (organizationId, dataCategory) stays unique.
        Plan("retention_policies", ["organizations"], ["id", "organizationId", "dataCategory", "retentionDays", "isActive", "createdAt", "updatedAt"],
            n => [Id("retention_policies", n), Org(n / 2), n % 2 == 0 ? "file_events" : "telemetry", n % 2 == 0 ? 365 : 90, true, At(n), At(n)]);
        Plan("offers", [], ["id", "code", "name", "priceCents", "billingInterval", "isActive", "validFrom", "createdAt", "updatedAt"],
            n => [Id("offers", n), Offers[n].Code, Offers[n].Name, Offers[n].PriceCents, Offers[n].Interval, true, Epoch, Epoch, Epoch]);
        Plan("subscriptions", ["users", "offers"],
            ["id", "userId", "offerId", "plan", "status", "stripeCustomerId", "stripeSubscriptionId", "currentPeriodStart", "currentPeriodEnd", "cancelAtPeriodEnd", "createdAt", "updatedAt"],
            n => [Id("subscriptions", n), User(n), Id("offers", n % Offers.Length), Offers[n % Offers.Length].Code["staging-".Length..],
                SubscriptionStatuses[n % SubscriptionStatuses.Length], $"cus_staging_{n}", $"sub_staging_{n}", At(n), At(n).AddDays(30), n % 10 == 0, At(n), At(n)]);
        Plan("feature_flags", [], ["id", "key", "description", "enabled", "rolloutPercentage", "createdAt", "updatedAt"],
            n => [Id("feature_flags", n), $"staging.flag-{n}", "Load-test flag", n % 2 == 0, (int)(n * 10 % 101), Epoch, Epoch]);
        Plan("utm_tracks", ["users"], ["id", "userId", "source", "medium", "campaign", "landingPage", "createdAt"],
            n => [Id("utm_tracks", n), n % 4 == 0 ? null : User(n), "loadtest", "synthetic", $"campaign-{n % 12}", "/", At(n)]);
        Plan("cohorts", ["users"], ["id", "name", "userId", "cohortDate", "activatedAt", "createdAt"],
            n => [Id("cohorts", n), $"signup-2025-w{n % 52 + 1:D2}", User(n), DateOnly.FromDateTime(Epoch.UtcDateTime).AddDays((int)(n % 52) * 7), n % 3 == 0 ? null : At(n), At(n)]);
        Plan("metrics_log", [], ["id", "metricName", "value", "tags", "recordedAt"],
            n => [Id("metrics_log", n), Metrics[n % Metrics.Length], (n % 1000) * 1.5, "{}", At(n)]);
        Plan("user_integrations", ["users"], ["id", "userId", "provider", "metadata", "isActive", "createdAt", "updatedAt"],
            n => [Id("user_integrations", n), User(n), Providers[n % Providers.Length], "{}", n % 5 != 0, At(n), At(n)]);
        Plan("nps_submissions", ["users"], ["id", "userId", "score", "comment", "source", "createdAt"],
            n => [Id("nps_submissions", n), User(2 * n), (int)(n % 11), n % 2 == 0 ? null : "Synthetic load-test answer", "in-app", At(n)]);

        // Rows of a previous Staging seed go first, children first (every table that exists, even one
        // skipped for a missing column, so no stale generated row survives), then the new rows, parents first.
        var (low, high) = SeedKeys.Range(SeedKeys.StagingPrefix);
        foreach (var table in Sizes(scale).Select(x => x.Table).Reverse().Where(t => Schema.Table(t).Exists()))
        {
            Execute.Sql($"DELETE FROM \"{table}\" WHERE \"id\" BETWEEN '{low}' AND '{high}'");
        }

        foreach (var (table, columns, rows) in plans)
        {
            Insert.IntoTable(table).Bulk(columns, rows);
        }

        Log($"scale {scale}: {string.Join(", ", plans.Select(p => $"{p.Table} {size[p.Table]}"))}");
    }

    private static IEnumerable<object?[]> Generate(long count, Func<long, object?[]> row)
    {
        for (long n = 0; n < count; n++)
        {
            yield return row(n);
        }
    }

    private static Guid Id(string table, long row) => SeedKeys.Staging(table, row);

    private static Guid User(long row) => SeedKeys.Staging("users", row);

    private static Guid Org(long row) => SeedKeys.Staging("organizations", row);

    // One generated second per row number, from 2025-01-01 (100,000 rows span about 28 hours).
    private static DateTimeOffset At(long row) => Epoch.AddSeconds(row);
}
