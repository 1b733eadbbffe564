using Microsoft.Extensions.Logging;

namespace Migrations.Engine.Logging;

/// <summary>
/// The stable id and name of every kind of event the runner logs: a log pipeline filters on
/// these (<c>event</c> and <c>eventId</c> in JSON logs; docs/logging.md lists them), so an id is
/// never reused for another kind of event.
/// </summary>
public static class LogEvents
{
    public static readonly EventId RunStarted = new(1000, "database.started");
    public static readonly EventId MigrationApplied = new(1001, "migration.applied");
    public static readonly EventId MigrationRolledBack = new(1002, "migration.rolled_back");
    public static readonly EventId MigrationPreviewed = new(1003, "migration.previewed");
    public static readonly EventId MigrationSkipped = new(1004, "migration.skipped");
    public static readonly EventId ScriptPreviewed = new(1005, "script.preview_only");
    public static readonly EventId ScriptChangedServer = new(1006, "script.server_changed");
    public static readonly EventId ScriptCopyLeft = new(1007, "script.copy_left");
    public static readonly EventId ProfileRan = new(1010, "profile.ran");
    public static readonly EventId ProfileMissing = new(1011, "profile.missing");
    public static readonly EventId BackupTaken = new(1020, "backup.taken");
    public static readonly EventId DatabaseFinished = new(1030, "database.finished");
    public static readonly EventId DatabaseSkipped = new(1031, "database.skipped");
    public static readonly EventId JournalMissing = new(1040, "journal.missing");
    public static readonly EventId ValidationPassed = new(1050, "validate.passed");
    public static readonly EventId ValidationProblem = new(1051, "validate.problem");
    public static readonly EventId DriftNone = new(1060, "drift.none");
    public static readonly EventId DriftFound = new(1061, "drift.found");
    public static readonly EventId DriftDifference = new(1062, "drift.difference");
    public static readonly EventId ShadowBuilding = new(1063, "drift.building");
    public static readonly EventId BaselineRecorded = new(1070, "baseline.recorded");
    public static readonly EventId BaselineRefused = new(1071, "baseline.refused");
    public static readonly EventId BaselineComparing = new(1072, "baseline.comparing");
    public static readonly EventId Statement = new(1080, "sql.statement");
    public static readonly EventId Progress = new(1090, "progress");
    public static readonly EventId RunFailed = new(1900, "run.failed");
    public static readonly EventId RunFinished = new(1901, "run.finished");
}
