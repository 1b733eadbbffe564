using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;

namespace Migrations.Filetrack.Seeding;

/// <summary>
/// Development demo data: two organisations (Acme Design, Globex Research), six people, their
/// sessions, file events, detected patterns, workflows with versions and runs, privacy settings,
/// plans and subscriptions, analytics rows and NPS answers. Every key is fixed (the
/// <c>de000000-…</c> space of <see cref="SeedKeys"/>), every row inserted with ON CONFLICT DO NOTHING,
/// so migrate or seed twice gives the same rows and a developer's own edits to other rows stay.
/// Tables the database does not have yet (after a rollback) are skipped with a log line.
/// </summary>
[Profile("Development")]
public sealed class DevelopmentSeed(ILogger<DevelopmentSeed> logger) : SeedProfile(logger)
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    // People: Alice and Carol own the organisations; Alice is the platform admin.
    public static readonly Guid Alice = Id("users", 1);
    public static readonly Guid Bob = Id("users", 2);
    public static readonly Guid Carol = Id("users", 3);
    public static readonly Guid Dave = Id("users", 4);
    public static readonly Guid Erin = Id("users", 5);
    public static readonly Guid Frank = Id("users", 6);

    public static readonly Guid Acme = Id("organizations", 1);
    public static readonly Guid Globex = Id("organizations", 2);

    /// <summary>Rows per table that this profile writes on the latest schema.</summary>
    public static readonly IReadOnlyDictionary<string, int> ExpectedCounts = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["users"] = 6, ["sessions"] = 4, ["mfa_enforced_sessions"] = 2, ["organizations"] = 2, ["organization_members"] = 7,
        ["workflows"] = 3, ["workflow_versions"] = 4, ["workflow_executions"] = 5, ["events"] = 12, ["patterns"] = 6,
        ["relationships"] = 3, ["privacy_prefs"] = 6, ["app_allowlist"] = 4, ["signal_toggles"] = 4, ["telemetry_events"] = 5,
        ["privacy_transparency_log"] = 3, ["audit_logs"] = 4, ["retention_policies"] = 3, ["offers"] = 3, ["subscriptions"] = 4,
        ["feature_flags"] = 3, ["utm_tracks"] = 3, ["cohorts"] = 6, ["metrics_log"] = 4, ["user_integrations"] = 3,
        ["nps_submissions"] = 3,
    };

    public static Guid Id(string table, int row) => SeedKeys.Development(table, row);

    private static DateTimeOffset At(double days) => Epoch.AddDays(days);

    protected override void SeedRows()
    {
        Seed("users", [],
            new { id = Alice, email = "alice@demo.filetrack.test", name = "Alice Admin", role = "admin", mfaEnabled = true, createdAt = At(0), updatedAt = At(0) },
            new { id = Bob, email = "bob@demo.filetrack.test", name = "Bob Builder", role = "user", mfaEnabled = false, createdAt = At(0.1), updatedAt = At(0.1) },
            new { id = Carol, email = "carol@demo.filetrack.test", name = "Carol Chen", role = "user", mfaEnabled = true, createdAt = At(0.2), updatedAt = At(0.2) },
            new { id = Dave, email = "dave@demo.filetrack.test", name = "Dave Diaz", role = "user", mfaEnabled = false, createdAt = At(1), updatedAt = At(1) },
            new { id = Erin, email = "erin@demo.filetrack.test", name = "Erin Evans", role = "user", mfaEnabled = false, createdAt = At(2), updatedAt = At(2) },
            new { id = Frank, email = "frank@demo.filetrack.test", name = "Frank Fischer", role = "user", mfaEnabled = false, createdAt = At(3), updatedAt = At(3) });

        SeedAuthentication();
        SeedMultiTenant();
        SeedFileTracking();
        SeedPrivacy();
        SeedBilling();
        SeedAnalytics();
    }

    private void SeedAuthentication()
    {
        Seed("sessions", ["users"],
            new { id = Id("sessions", 1), userId = Alice, token = "demo-session-alice", expiresAt = At(3650), ipAddress = "203.0.113.10", userAgent = "FileTrack/1.4 (macOS)", createdAt = At(5) },
            new { id = Id("sessions", 2), userId = Bob, token = "demo-session-bob", expiresAt = At(3650), ipAddress = "203.0.113.11", userAgent = "FileTrack/1.4 (Windows)", createdAt = At(5) },
            new { id = Id("sessions", 3), userId = Carol, token = "demo-session-carol", expiresAt = At(3650), ipAddress = "198.51.100.7", userAgent = "FileTrack/1.3 (Linux)", createdAt = At(5) },
            new { id = Id("sessions", 4), userId = Dave, token = "demo-session-dave-expired", expiresAt = At(4), ipAddress = "198.51.100.8", userAgent = "FileTrack/1.2 (macOS)", createdAt = At(1) });
        Seed("mfa_enforced_sessions", ["sessions", "users"],
            new { id = Id("mfa_enforced_sessions", 1), sessionId = Id("sessions", 1), userId = Alice, method = "webauthn", verifiedAt = At(5), expiresAt = At(3650), createdAt = At(5) },
            new { id = Id("mfa_enforced_sessions", 2), sessionId = Id("sessions", 3), userId = Carol, method = "totp", verifiedAt = At(5), expiresAt = At(3650), createdAt = At(5) });
    }

    private void SeedMultiTenant()
    {
        Seed("organizations", ["users"],
            new { id = Acme, name = "Acme Design", slug = "acme-design", ownerId = Alice, createdAt = At(0), updatedAt = At(0) },
            new { id = Globex, name = "Globex Research", slug = "globex-research", ownerId = Carol, createdAt = At(0.2), updatedAt = At(0.2) });
        Seed("organization_members", ["organizations", "users"],
            Member(1, Acme, Alice, "owner"), Member(2, Acme, Bob, "admin"), Member(3, Acme, Dave, "member"), Member(4, Acme, Erin, "viewer"),
            Member(5, Globex, Carol, "owner"), Member(6, Globex, Frank, "member"), Member(7, Globex, Bob, "member"));

        // Bob's team workflow has two versions; Dave's is personal (no organisation).
        Seed("workflows", ["users", "organizations"],
            Workflow(1, Bob, Acme, "Archive old invoices", "Moves invoices older than a year to the archive folder", """{"trigger":"schedule","cron":"0 3 * * *","action":"move","to":"~/Archive/Invoices"}""", true),
            Workflow(2, Carol, Globex, "Tag screenshots", "Tags new screenshots by the app that was in front", """{"trigger":"event","eventType":"created","fileExtension":".png","action":"tag"}""", true),
            Workflow(3, Dave, null, "Personal backup", null, """{"trigger":"manual","action":"copy","to":"/Volumes/Backup"}""", false));
        Seed("workflow_versions", ["workflows", "users"],
            new { id = Id("workflow_versions", 1), workflowId = Id("workflows", 1), version = 1, definition = """{"trigger":"schedule","cron":"0 4 * * *","action":"move"}""", createdBy = (Guid?)Bob, createdAt = At(6) },
            new { id = Id("workflow_versions", 2), workflowId = Id("workflows", 1), version = 2, definition = """{"trigger":"schedule","cron":"0 3 * * *","action":"move","to":"~/Archive/Invoices"}""", createdBy = (Guid?)Alice, createdAt = At(8) },
            new { id = Id("workflow_versions", 3), workflowId = Id("workflows", 2), version = 1, definition = """{"trigger":"event","eventType":"created","fileExtension":".png","action":"tag"}""", createdBy = (Guid?)Carol, createdAt = At(7) },
            new { id = Id("workflow_versions", 4), workflowId = Id("workflows", 3), version = 1, definition = """{"trigger":"manual","action":"copy","to":"/Volumes/Backup"}""", createdBy = (Guid?)Dave, createdAt = At(9) });
        Seed("workflow_executions", ["workflows", "workflow_versions", "users"],
            Execution(1, 1, 1, Bob, "succeeded", 7, null),
            Execution(2, 1, 2, Alice, "succeeded", 9, null),
            Execution(3, 1, 2, Bob, "failed", 10, "Permission denied: ~/Archive/Invoices"),
            Execution(4, 2, 3, Carol, "running", 10, null),
            Execution(5, 3, 4, Dave, "pending", 11, null));
    }

    private void SeedFileTracking()
    {
        (Guid User, string Path, string Type, string App)[] events =
        [
            (Alice, "/Users/alice/Documents/roadmap.key", "created", "com.apple.iWork.Keynote"),
            (Alice, "/Users/alice/Documents/roadmap.key", "modified", "com.apple.iWork.Keynote"),
            (Alice, "/Users/alice/Downloads/invoice-2025-01.pdf", "opened", "com.apple.Preview"),
            (Bob, "C:\\Users\\bob\\Invoices\\2024-12.pdf", "moved", "explorer.exe"),
            (Bob, "C:\\Users\\bob\\Invoices\\2024-11.pdf", "moved", "explorer.exe"),
            (Bob, "C:\\Users\\bob\\Desktop\\budget.xlsx", "modified", "excel.exe"),
            (Carol, "/home/carol/Pictures/Screenshot 2025-01-10.png", "created", "gnome-screenshot"),
            (Carol, "/home/carol/papers/draft.tex", "modified", "code"),
            (Carol, "/home/carol/papers/draft.pdf", "created", "latexmk"),
            (Dave, "/Users/dave/Music/mix.wav", "renamed", "com.apple.finder"),
            (Erin, "/Users/erin/Notes/meeting.md", "created", "md.obsidian"),
            (Frank, "/home/frank/data/results.csv", "deleted", "bash"),
        ];
        Seed("events", ["users"], events.Select((e, i) => (object)new
        {
            id = Id("events", i + 1), userId = e.User, filePath = e.Path, eventType = e.Type, appId = e.App,
            fileExtension = System.IO.Path.GetExtension(e.Path.Replace('\\', '/')), fileSize = 1024L * (i + 1) * 37,
            metadata = $$"""{"demo":true,"sequence":{{i + 1}}}""", timestamp = At(10 + (i / 24.0)),
        }).ToArray());

        (Guid User, string Extension, int Frequency)[] patterns =
            [(Alice, ".key", 14), (Alice, ".pdf", 32), (Bob, ".pdf", 58), (Bob, ".xlsx", 21), (Carol, ".png", 90), (Carol, ".tex", 12)];
        Seed("patterns", ["users"], patterns.Select((p, i) => (object)new
        {
            id = Id("patterns", i + 1), userId = p.User, fileExtension = p.Extension, frequency = p.Frequency, lastSeenAt = At(10),
            metadata = """{"source":"demo"}""", createdAt = At(6), updatedAt = At(10),
        }).ToArray());

        Seed("relationships", ["users"],
            new { id = Id("relationships", 1), userId = Carol, sourceFile = "/home/carol/papers/draft.tex", targetFile = "/home/carol/papers/draft.pdf", relationshipType = "derived_from", strength = 0.95, createdAt = At(10), updatedAt = At(10) },
            new { id = Id("relationships", 2), userId = Alice, sourceFile = "/Users/alice/Documents/roadmap.key", targetFile = "/Users/alice/Downloads/invoice-2025-01.pdf", relationshipType = "co_accessed", strength = 0.3, createdAt = At(10), updatedAt = At(10) },
            new { id = Id("relationships", 3), userId = Bob, sourceFile = "C:\\Users\\bob\\Invoices\\2024-12.pdf", targetFile = "C:\\Users\\bob\\Invoices\\2024-11.pdf", relationshipType = "same_project", strength = 0.8, createdAt = At(10), updatedAt = At(10) });
    }

    private void SeedPrivacy()
    {
        Guid[] everyone = [Alice, Bob, Carol, Dave, Erin, Frank];
        Seed("privacy_prefs", ["users"], everyone.Select((user, i) => (object)new
        {
            id = Id("privacy_prefs", i + 1), userId = user, telemetryEnabled = i % 2 == 0, crashReportsEnabled = i < 3,
            dataRetentionDays = i == 4 ? 30 : 90, createdAt = At(i), updatedAt = At(i),
        }).ToArray());
        Seed("app_allowlist", ["users"],
            new { id = Id("app_allowlist", 1), userId = Alice, appId = "com.apple.iWork.Keynote", appName = "Keynote", isAllowed = true, createdAt = At(1), updatedAt = At(1) },
            new { id = Id("app_allowlist", 2), userId = Alice, appId = "com.tinyspeck.slackmacgap", appName = "Slack", isAllowed = false, createdAt = At(1), updatedAt = At(1) },
            new { id = Id("app_allowlist", 3), userId = Bob, appId = "excel.exe", appName = "Microsoft Excel", isAllowed = true, createdAt = At(1), updatedAt = At(1) },
            new { id = Id("app_allowlist", 4), userId = Carol, appId = "code", appName = "Visual Studio Code", isAllowed = true, createdAt = At(1), updatedAt = At(1) });
        Seed("signal_toggles", ["users"],
            new { id = Id("signal_toggles", 1), userId = Alice, signal = "file_open", enabled = true, createdAt = At(1), updatedAt = At(1) },
            new { id = Id("signal_toggles", 2), userId = Alice, signal = "window_title", enabled = false, createdAt = At(1), updatedAt = At(1) },
            new { id = Id("signal_toggles", 3), userId = Carol, signal = "file_open", enabled = true, createdAt = At(1), updatedAt = At(1) },
            new { id = Id("signal_toggles", 4), userId = Erin, signal = "clipboard", enabled = false, createdAt = At(2), updatedAt = At(2) });
        Seed("telemetry_events", ["users"],
            new { id = Id("telemetry_events", 1), userId = Alice, appId = "filetrack-desktop", eventName = "app_opened", properties = """{"version":"1.4.0"}""", timestamp = At(10) },
            new { id = Id("telemetry_events", 2), userId = Alice, appId = "filetrack-desktop", eventName = "workflow_created", properties = """{"workflow":"archive"}""", timestamp = At(10.1) },
            new { id = Id("telemetry_events", 3), userId = Carol, appId = "filetrack-desktop", eventName = "app_opened", properties = """{"version":"1.3.2"}""", timestamp = At(10.2) },
            new { id = Id("telemetry_events", 4), userId = Carol, appId = "filetrack-web", eventName = "pattern_viewed", properties = """{"extension":".png"}""", timestamp = At(10.3) },
            new { id = Id("telemetry_events", 5), userId = Erin, appId = "filetrack-web", eventName = "privacy_prefs_opened", properties = "{}", timestamp = At(10.4) });
        Seed("privacy_transparency_log", ["users"],
            new { id = Id("privacy_transparency_log", 1), userId = Alice, action = "telemetry_collected", dataCategory = "usage", details = """{"events":2}""", createdAt = At(10.5) },
            new { id = Id("privacy_transparency_log", 2), userId = Carol, action = "export_requested", dataCategory = "file_events", details = """{"format":"json"}""", createdAt = At(11) },
            new { id = Id("privacy_transparency_log", 3), userId = Erin, action = "retention_shortened", dataCategory = "file_events", details = """{"days":30}""", createdAt = At(11.5) });
        Seed("audit_logs", ["users", "organizations"],
            new { id = Id("audit_logs", 1), userId = (Guid?)Alice, organizationId = (Guid?)Acme, action = "organization.created", resourceType = "organization", resourceId = Acme.ToString(), metadata = "{}", ipAddress = "203.0.113.10", createdAt = At(0) },
            new { id = Id("audit_logs", 2), userId = (Guid?)Alice, organizationId = (Guid?)Acme, action = "member.invited", resourceType = "organization_member", resourceId = Bob.ToString(), metadata = """{"role":"admin"}""", ipAddress = "203.0.113.10", createdAt = At(0.5) },
            new { id = Id("audit_logs", 3), userId = (Guid?)Carol, organizationId = (Guid?)Globex, action = "organization.created", resourceType = "organization", resourceId = Globex.ToString(), metadata = "{}", ipAddress = "198.51.100.7", createdAt = At(0.2) },
            new { id = Id("audit_logs", 4), userId = (Guid?)Bob, organizationId = (Guid?)null, action = "session.signed_in", resourceType = "session", resourceId = Id("sessions", 2).ToString(), metadata = """{"mfa":false}""", ipAddress = "203.0.113.11", createdAt = At(5) });
        // Two platform defaults (no organisation) and one Acme override.
        Seed("retention_policies", ["organizations"],
            new { id = Id("retention_policies", 1), organizationId = (Guid?)null, dataCategory = "file_events", retentionDays = 365, isActive = true, createdAt = At(0), updatedAt = At(0) },
            new { id = Id("retention_policies", 2), organizationId = (Guid?)null, dataCategory = "telemetry", retentionDays = 90, isActive = true, createdAt = At(0), updatedAt = At(0) },
            new { id = Id("retention_policies", 3), organizationId = (Guid?)Acme, dataCategory = "file_events", retentionDays = 730, isActive = true, createdAt = At(1), updatedAt = At(1) });
    }

    private void SeedBilling()
    {
        Seed("offers", [],
            new { id = Id("offers", 1), code = "demo-free", name = "Free", description = "Personal tracking, 30 days of history", priceCents = 0, currency = "USD", billingInterval = "month", isActive = true, validFrom = At(-30), createdAt = At(-30), updatedAt = At(-30) },
            new { id = Id("offers", 2), code = "demo-pro-monthly", name = "Pro (monthly)", description = "Workflows and unlimited history", priceCents = 900, currency = "USD", billingInterval = "month", isActive = true, validFrom = At(-30), createdAt = At(-30), updatedAt = At(-30) },
            new { id = Id("offers", 3), code = "demo-team-yearly", name = "Team (yearly)", description = "Organisations, shared workflows", priceCents = 9900, currency = "USD", billingInterval = "year", isActive = true, validFrom = At(-30), createdAt = At(-30), updatedAt = At(-30) });
        Seed("subscriptions", ["users", "offers"],
            Subscription(1, Alice, 3, "team", "active", "sub_demo_alice"),
            Subscription(2, Bob, 2, "pro", "active", "sub_demo_bob"),
            Subscription(3, Carol, 3, "team", "past_due", "sub_demo_carol"),
            Subscription(4, Dave, 1, "free", "trialing", null));
        Seed("feature_flags", [],
            new { id = Id("feature_flags", 1), key = "workflows.v2-editor", description = "The new workflow editor", enabled = true, rolloutPercentage = 100, createdAt = At(0), updatedAt = At(0) },
            new { id = Id("feature_flags", 2), key = "patterns.ai-suggestions", description = "Suggested workflows from detected patterns", enabled = true, rolloutPercentage = 25, createdAt = At(0), updatedAt = At(0) },
            new { id = Id("feature_flags", 3), key = "billing.annual-discount", description = null as string, enabled = false, rolloutPercentage = 0, createdAt = At(0), updatedAt = At(0) });
    }

    private void SeedAnalytics()
    {
        Seed("utm_tracks", ["users"],
            new { id = Id("utm_tracks", 1), userId = (Guid?)Bob, source = "newsletter", medium = "email", campaign = "jan-launch", landingPage = "/pricing", createdAt = At(0.1) },
            new { id = Id("utm_tracks", 2), userId = (Guid?)Dave, source = "producthunt", medium = "referral", campaign = "launch-day", landingPage = "/", createdAt = At(1) },
            new { id = Id("utm_tracks", 3), userId = (Guid?)null, source = "google", medium = "cpc", campaign = "file-organizer", landingPage = "/features", createdAt = At(2) });
        Guid[] everyone = [Alice, Bob, Carol, Dave, Erin, Frank];
        Seed("cohorts", ["users"], everyone.Select((user, i) => (object)new
        {
            id = Id("cohorts", i + 1), name = i < 3 ? "signup-2025-w02" : "signup-2025-w03", userId = user,
            cohortDate = i < 3 ? new DateOnly(2025, 1, 6) : new DateOnly(2025, 1, 13), activatedAt = i % 3 == 2 ? (DateTimeOffset?)null : At(i + 1), createdAt = At(i),
        }).ToArray());
        Seed("metrics_log", [],
            new { id = Id("metrics_log", 1), metricName = "api.latency_p95_ms", value = 182.5, tags = """{"route":"/events"}""", recordedAt = At(10) },
            new { id = Id("metrics_log", 2), metricName = "api.latency_p95_ms", value = 171.0, tags = """{"route":"/events"}""", recordedAt = At(11) },
            new { id = Id("metrics_log", 3), metricName = "ingest.events_per_minute", value = 1240.0, tags = "{}", recordedAt = At(10) },
            new { id = Id("metrics_log", 4), metricName = "workflows.failures", value = 1.0, tags = """{"workflow":"archive"}""", recordedAt = At(10) });
        Seed("user_integrations", ["users"],
            new { id = Id("user_integrations", 1), userId = Alice, provider = "google-drive", accessToken = "demo-not-a-real-token", expiresAt = At(3650), metadata = """{"account":"alice@demo.filetrack.test"}""", isActive = true, createdAt = At(2), updatedAt = At(2) },
            new { id = Id("user_integrations", 2), userId = Bob, provider = "dropbox", accessToken = "demo-not-a-real-token", expiresAt = At(3650), metadata = "{}", isActive = true, createdAt = At(2), updatedAt = At(2) },
            new { id = Id("user_integrations", 3), userId = Carol, provider = "slack", accessToken = (string?)null, expiresAt = (DateTimeOffset?)null, metadata = """{"revoked":true}""", isActive = false, createdAt = At(2), updatedAt = At(4) });
        Seed("nps_submissions", ["users"],
            new { id = Id("nps_submissions", 1), userId = (Guid?)Alice, score = 9, comment = "Workflows save me an hour a week", source = "in-app", createdAt = At(12) },
            new { id = Id("nps_submissions", 2), userId = (Guid?)Bob, score = 6, comment = (string?)null, source = "email", createdAt = At(12) },
            new { id = Id("nps_submissions", 3), userId = (Guid?)Erin, score = 10, comment = "Love the privacy controls", source = "in-app", createdAt = At(13) });
    }

    private void Seed(string table, string[] parents, params object[] rows)
    {
        if (!Ready(table, ColumnsOf(rows), parents))
        {
            return;
        }

        // One insert-if-absent expression holding every row (FluentMigrator has Row(), not Rows()).
        var insert = Insert.IntoTable(table).OnConflictDoNothing();
        foreach (var row in rows)
        {
            insert.Row(row);
        }
    }

    private static object Member(int row, Guid organization, Guid user, string role) =>
        new { id = Id("organization_members", row), organizationId = organization, userId = user, role, joinedAt = At(row / 4.0) };

    private static object Workflow(int row, Guid user, Guid? organization, string name, string? description, string definition, bool isActive) =>
        new { id = Id("workflows", row), userId = user, organizationId = organization, name, description, definition, isActive, createdAt = At(6), updatedAt = At(8) };

    private static object Execution(int row, int workflow, int version, Guid user, string status, double day, string? error) =>
        new
        {
            id = Id("workflow_executions", row), workflowId = Id("workflows", workflow), workflowVersionId = (Guid?)Id("workflow_versions", version),
            triggeredBy = (Guid?)user, status, startedAt = At(day),
            completedAt = status is "succeeded" or "failed" ? At(day + 0.01) : (DateTimeOffset?)null, error,
            logs = status == "pending" ? "[]" : $$"""[{"at":"{{At(day):O}}","message":"{{status}}"}]""",
        };

    private static object Subscription(int row, Guid user, int offer, string plan, string status, string? stripeSubscriptionId) =>
        new
        {
            id = Id("subscriptions", row), userId = user, offerId = (Guid?)Id("offers", offer), plan, status,
            stripeCustomerId = stripeSubscriptionId is null ? null : $"cus_demo_{row}", stripeSubscriptionId,
            currentPeriodStart = At(0), currentPeriodEnd = At(30), cancelAtPeriodEnd = false, createdAt = At(row), updatedAt = At(row),
        };
}
