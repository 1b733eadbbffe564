using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Filetrack.Migrations;

// Core tables, "Privacy & Compliance": preferences, allowlist, signal toggles, telemetry, audit trails, retention.
public sealed partial class MasterConsolidatedSchema
{
    private void CreatePrivacyAndCompliance()
    {
        // One row of preferences per user; privacy-first defaults (telemetry off).
        Create.Table("privacy_prefs").WithIdColumn("privacy_prefs")
            .WithReference("privacy_prefs", "userId", "users", Rule.Cascade).Unique("privacy_prefs_userId_key")
            .WithColumn("telemetryEnabled").AsBoolean().WithDefaultValue(false)
            .WithColumn("crashReportsEnabled").AsBoolean().WithDefaultValue(false)
            .WithColumn("dataRetentionDays").AsInt32().WithDefaultValue(90).Check("\"dataRetentionDays\" > 0")
            .WithTimestamps();

        Create.Table("app_allowlist").WithIdColumn("app_allowlist")
            .WithReference("app_allowlist", "userId", "users", Rule.Cascade)
            .WithColumn("appId").AsString(255)
            .WithColumn("appName").AsString(255).Nullable()
            .WithColumn("isAllowed").AsBoolean().WithDefaultValue(true)
            .WithTimestamps();
        Create.Index("app_allowlist_userId_appId_key").OnTable("app_allowlist")
            .OnColumn("userId").Ascending().OnColumn("appId").Ascending().WithOptions().Unique();

        Create.Table("signal_toggles").WithIdColumn("signal_toggles")
            .WithReference("signal_toggles", "userId", "users", Rule.Cascade)
            .WithColumn("signal").AsString(64)
            .WithColumn("enabled").AsBoolean().WithDefaultValue(true)
            .WithTimestamps();
        Create.Index("signal_toggles_userId_signal_key").OnTable("signal_toggles")
            .OnColumn("userId").Ascending().OnColumn("signal").Ascending().WithOptions().Unique();

        // Privacy-first: a user's telemetry goes with the user.
        Create.Table("telemetry_events").WithIdColumn("telemetry_events")
            .WithReference("telemetry_events", "userId", "users", Rule.Cascade)
            .WithColumn("appId").AsString(255).Nullable().Indexed("telemetry_events_appId_idx")
            .WithColumn("eventName").AsString(100)
            .WithColumn("properties").AsCustom("jsonb").WithDefaultValue("{}")
            .WithColumn("timestamp").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset).Indexed("telemetry_events_timestamp_idx");
        Create.Index("telemetry_events_userId_timestamp_idx").OnTable("telemetry_events")
            .OnColumn("userId").Ascending().OnColumn("timestamp").Ascending();

        // What was done with a user's data, shown to that user.
        Create.Table("privacy_transparency_log").WithIdColumn("privacy_transparency_log")
            .WithReference("privacy_transparency_log", "userId", "users", Rule.Cascade).Indexed("privacy_transparency_log_userId_idx")
            .WithColumn("action").AsString(64)
            .WithColumn("dataCategory").AsString(64)
            .WithColumn("details").AsCustom("jsonb").WithDefaultValue("{}")
            .WithCreatedAt();

        // The general audit trail survives the actor: userId and organizationId become NULL.
        Create.Table("audit_logs").WithIdColumn("audit_logs")
            .WithOptionalReference("audit_logs", "userId", "users", Rule.SetNull).Indexed("audit_logs_userId_idx")
            .WithOptionalReference("audit_logs", "organizationId", "organizations", Rule.SetNull).Indexed("audit_logs_organizationId_idx")
            .WithColumn("action").AsString(100)
            .WithColumn("resourceType").AsString(100)
            .WithColumn("resourceId").AsString(255).Nullable()
            .WithColumn("metadata").AsCustom("jsonb").WithDefaultValue("{}")
            .WithColumn("ipAddress").AsString(45).Nullable()
            .WithCreatedAt();

        // organizationId NULL is the platform default for a data category.
        Create.Table("retention_policies").WithIdColumn("retention_policies")
            .WithOptionalReference("retention_policies", "organizationId", "organizations", Rule.Cascade)
            .WithColumn("dataCategory").AsString(64)
            .WithColumn("retentionDays").AsInt32().Check("\"retentionDays\" > 0")
            .WithColumn("isActive").AsBoolean().WithDefaultValue(true)
            .WithTimestamps();
        Create.Index("retention_policies_organizationId_dataCategory_key").OnTable("retention_policies")
            .OnColumn("organizationId").Ascending().OnColumn("dataCategory").Ascending().WithOptions().Unique();
    }
}
