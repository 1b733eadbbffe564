using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Filetrack.Migrations;

/// <summary>
/// The seed's <c>99999999999999_master_consolidated_schema.sql</c>: every core table, its indexes,
/// row-level security and database functions, in one batch. Versioned 20250119000000 (not
/// 99999999999999) so it sorts before the incremental <c>20250120000000_nps_submissions</c> and a
/// fresh database gets the master first. One class, split by the seed's table groups into partial files.
/// The Supabase CLI recorded the file under its own prefix, so <c>baseline</c> maps that entry here.
/// </summary>
[PreviousJournalEntry("99999999999999")]
[Migration(FiletrackVersions.MasterConsolidatedSchema, "99999999999999_master_consolidated_schema: bootstrap the consolidated filetrack schema")]
public sealed partial class MasterConsolidatedSchema : Migration
{
    /// <summary>Tables whose <c>updatedAt</c> a trigger maintains.</summary>
    public static IReadOnlyList<string> TablesWithUpdatedAt { get; } =
    [
        "users", "patterns", "relationships", "organizations", "workflows", "privacy_prefs", "app_allowlist",
        "signal_toggles", "retention_policies", "subscriptions", "offers", "feature_flags", "user_integrations",
    ];

    public override void Up()
    {
        CreateEnums();
        CreateUsersAndAuthentication();
        CreateFileTracking();
        CreateMultiTenant();
        CreatePrivacyAndCompliance();
        CreateBillingAndSubscriptions();
        CreateAnalytics();
        CreateIntegrations();
        CreateUpdatedAtMaintenance();
        CreateUpsertFunctions();
        CreateRowLevelSecurity();
    }

    public override void Down()
    {
        // The upsert helpers return table row types, so they go first; policies, grants and
        // triggers go with their tables (children before parents); the policy helpers after them.
        DropUpsertFunctions();
        foreach (var table in new[]
                 {
                     "user_integrations", "metrics_log", "cohorts", "utm_tracks", "subscriptions", "feature_flags", "offers",
                     "retention_policies", "audit_logs", "privacy_transparency_log", "telemetry_events", "signal_toggles",
                     "app_allowlist", "privacy_prefs", "workflow_executions", "workflow_versions", "workflows",
                     "organization_members", "organizations", "relationships", "patterns", "events",
                     "mfa_enforced_sessions", "sessions", "users",
                 })
        {
            Delete.Table(table);
        }

        DropRowLevelSecurityFunctions();
        IfDatabase("postgres").Execute.Sql(DropUpdatedAtFunction);
        DropEnums();
        IfDatabase("postgres").Execute.Sql(DropAuthUid);
    }
}
