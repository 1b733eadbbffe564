using System.Data;
using FluentMigrator;

namespace Migrations.Filetrack.Migrations;

// Core tables, "Analytics": utm_tracks, cohorts, metrics_log (nps_submissions is its own migration).
public sealed partial class MasterConsolidatedSchema
{
    private void CreateAnalytics()
    {
        // Attribution is kept after the user goes (anonymous from then on).
        Create.Table("utm_tracks").WithIdColumn("utm_tracks")
            .WithOptionalReference("utm_tracks", "userId", "users", Rule.SetNull).Indexed("utm_tracks_userId_idx")
            .WithColumn("source").AsString(255).Nullable()
            .WithColumn("medium").AsString(255).Nullable()
            .WithColumn("campaign").AsString(255).Nullable()
            .WithColumn("term").AsString(255).Nullable()
            .WithColumn("content").AsString(255).Nullable()
            .WithColumn("landingPage").AsString().Nullable()
            .WithCreatedAt();

        // Cohort membership: which named cohort (e.g. signup week) a user belongs to.
        Create.Table("cohorts").WithIdColumn("cohorts")
            .WithColumn("name").AsString(100)
            .WithReference("cohorts", "userId", "users", Rule.Cascade).Indexed("cohorts_userId_idx")
            .WithColumn("cohortDate").AsDate()
            .WithColumn("activatedAt").AsDateTimeOffset().Nullable()
            .WithCreatedAt();
        Create.Index("cohorts_name_userId_key").OnTable("cohorts")
            .OnColumn("name").Ascending().OnColumn("userId").Ascending().WithOptions().Unique();

        // System metrics: written by the service role, read by admins.
        Create.Table("metrics_log").WithIdColumn("metrics_log")
            .WithColumn("metricName").AsString(100)
            .WithColumn("value").AsDouble()
            .WithColumn("tags").AsCustom("jsonb").WithDefaultValue("{}")
            .WithColumn("recordedAt").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset);
        Create.Index("metrics_log_metricName_recordedAt_idx").OnTable("metrics_log")
            .OnColumn("metricName").Ascending().OnColumn("recordedAt").Ascending();
    }
}
