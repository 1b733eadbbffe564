using Microsoft.Extensions.Logging;
using Migrations.Engine.Running;
using Migrations.Filetrack.Migrations;
using Migrations.Testing;

namespace Migrations.Filetrack.Tests.Support;

/// <summary>The filetrack migrations as a pipeline runs them, and the facts the tests check them against.</summary>
internal static class FiletrackDatabase
{
    public const long MasterVersion = FiletrackVersions.MasterConsolidatedSchema;

    public const long NpsVersion = FiletrackVersions.NpsSubmissions;

    // The whole assembly, as the runner loads it: migrations (Migrations.Filetrack.Migrations) and
    // seeding profiles (Migrations.Filetrack.Seeding) live in sibling namespaces.
    public static Migrator Runner(TestDatabase db) => Harness.Runner(db, typeof(MasterConsolidatedSchema).Assembly);

    /// <summary>A runner with changed options (environment, tags, profile, seed scale) and, optionally, a logger to read.</summary>
    public static Migrator Runner(TestDatabase db, Func<MigratorOptions, MigratorOptions> configure, ILogger? logger = null)
    {
        var options = new MigratorOptions
        {
            Provider = db.DatabaseProvider,
            ConnectionString = db.ConnectionString,
            Assemblies = [typeof(MasterConsolidatedSchema).Assembly],
            DatabaseName = "filetrack",
            LockTimeout = TimeSpan.FromSeconds(30),
        };
        return new Migrator(configure(options), logger);
    }

    /// <summary>Every table of the seed's "Core Tables", nps_submissions included.</summary>
    public static readonly string[] Tables =
    [
        "app_allowlist", "audit_logs", "cohorts", "events", "feature_flags", "metrics_log", "mfa_enforced_sessions",
        "nps_submissions", "offers", "organization_members", "organizations", "patterns", "privacy_prefs",
        "privacy_transparency_log", "relationships", "retention_policies", "sessions", "signal_toggles", "subscriptions",
        "telemetry_events", "user_integrations", "users", "utm_tracks", "workflow_executions", "workflow_versions", "workflows",
    ];

    /// <summary>The seed's "Indexes" list, with the Prisma names: (index, table, unique, columns in order).</summary>
    public static readonly (string Index, string Table, bool Unique, string[] Columns)[] SeedIndexes =
    [
        ("users_email_key", "users", true, ["email"]),
        ("sessions_token_key", "sessions", true, ["token"]),
        ("sessions_userId_idx", "sessions", false, ["userId"]),
        ("events_userId_timestamp_idx", "events", false, ["userId", "timestamp"]),
        ("events_filePath_idx", "events", false, ["filePath"]),
        ("patterns_userId_fileExtension_key", "patterns", true, ["userId", "fileExtension"]),
        ("patterns_userId_idx", "patterns", false, ["userId"]),
        ("workflows_userId_idx", "workflows", false, ["userId"]),
        ("workflows_organizationId_idx", "workflows", false, ["organizationId"]),
        ("workflows_isActive_idx", "workflows", false, ["isActive"]),
        ("workflow_executions_workflowId_idx", "workflow_executions", false, ["workflowId"]),
        ("workflow_executions_status_idx", "workflow_executions", false, ["status"]),
        ("workflow_executions_startedAt_idx", "workflow_executions", false, ["startedAt"]),
        ("telemetry_events_userId_timestamp_idx", "telemetry_events", false, ["userId", "timestamp"]),
        ("telemetry_events_appId_idx", "telemetry_events", false, ["appId"]),
        ("telemetry_events_timestamp_idx", "telemetry_events", false, ["timestamp"]),
    ];

    /// <summary>Every foreign key: (table, column, referenced table, ON DELETE rule).</summary>
    public static readonly (string Table, string Column, string References, string OnDelete)[] ForeignKeys =
    [
        ("sessions", "userId", "users", "CASCADE"),
        ("mfa_enforced_sessions", "sessionId", "sessions", "CASCADE"),
        ("mfa_enforced_sessions", "userId", "users", "CASCADE"),
        ("events", "userId", "users", "CASCADE"),
        ("patterns", "userId", "users", "CASCADE"),
        ("relationships", "userId", "users", "CASCADE"),
        ("organizations", "ownerId", "users", "SET NULL"),
        ("organization_members", "organizationId", "organizations", "CASCADE"),
        ("organization_members", "userId", "users", "CASCADE"),
        ("workflows", "userId", "users", "CASCADE"),
        ("workflows", "organizationId", "organizations", "CASCADE"),
        ("workflow_versions", "workflowId", "workflows", "CASCADE"),
        ("workflow_versions", "createdBy", "users", "SET NULL"),
        ("workflow_executions", "workflowId", "workflows", "CASCADE"),
        ("workflow_executions", "workflowVersionId", "workflow_versions", "SET NULL"),
        ("workflow_executions", "triggeredBy", "users", "SET NULL"),
        ("privacy_prefs", "userId", "users", "CASCADE"),
        ("app_allowlist", "userId", "users", "CASCADE"),
        ("signal_toggles", "userId", "users", "CASCADE"),
        ("telemetry_events", "userId", "users", "CASCADE"),
        ("privacy_transparency_log", "userId", "users", "CASCADE"),
        ("audit_logs", "userId", "users", "SET NULL"),
        ("audit_logs", "organizationId", "organizations", "SET NULL"),
        ("retention_policies", "organizationId", "organizations", "CASCADE"),
        ("subscriptions", "userId", "users", "CASCADE"),
        ("subscriptions", "offerId", "offers", "SET NULL"),
        ("utm_tracks", "userId", "users", "SET NULL"),
        ("cohorts", "userId", "users", "CASCADE"),
        ("user_integrations", "userId", "users", "CASCADE"),
        ("nps_submissions", "userId", "users", "SET NULL"),
    ];
}
