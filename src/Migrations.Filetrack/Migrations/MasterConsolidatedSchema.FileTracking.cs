using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Filetrack.Migrations;

// Core tables, "File Tracking": events, patterns, relationships.
public sealed partial class MasterConsolidatedSchema
{
    private void CreateFileTracking()
    {
        Create.Table("events").WithIdColumn("events")
            .WithReference("events", "userId", "users", Rule.Cascade)
            .WithColumn("filePath").AsString().Indexed("events_filePath_idx")
            .WithColumn("eventType").AsString(32).Check("\"eventType\" IN ('created', 'modified', 'deleted', 'renamed', 'moved', 'opened')")
            .WithColumn("appId").AsString(255).Nullable()
            .WithColumn("fileExtension").AsString(32).Nullable()
            .WithColumn("fileSize").AsInt64().Nullable()
            .WithColumn("metadata").AsCustom("jsonb").WithDefaultValue("{}")
            .WithColumn("timestamp").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset);
        Create.Index("events_userId_timestamp_idx").OnTable("events").OnColumn("userId").Ascending().OnColumn("timestamp").Ascending();

        // One row per user and file extension, counted up by upsert_pattern().
        Create.Table("patterns").WithIdColumn("patterns")
            .WithReference("patterns", "userId", "users", Rule.Cascade).Indexed("patterns_userId_idx")
            .WithColumn("fileExtension").AsString(32)
            .WithColumn("frequency").AsInt32().WithDefaultValue(0).Check("\"frequency\" >= 0")
            .WithColumn("lastSeenAt").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset)
            .WithColumn("metadata").AsCustom("jsonb").WithDefaultValue("{}")
            .WithTimestamps();
        Create.Index("patterns_userId_fileExtension_key").OnTable("patterns")
            .OnColumn("userId").Ascending().OnColumn("fileExtension").Ascending().WithOptions().Unique();

        Create.Table("relationships").WithIdColumn("relationships")
            .WithReference("relationships", "userId", "users", Rule.Cascade).Indexed("relationships_userId_idx")
            .WithColumn("sourceFile").AsString()
            .WithColumn("targetFile").AsString()
            .WithColumn("relationshipType").AsString(32).Check("\"relationshipType\" IN ('co_accessed', 'derived_from', 'references', 'same_project')")
            .WithColumn("strength").AsDouble().WithDefaultValue(0).Check("\"strength\" >= 0 AND \"strength\" <= 1")
            .WithTimestamps();
    }
}
