using FluentMigrator;
using Microsoft.Extensions.Logging;

namespace Migrations.Workspace;

/// <summary>
/// What both seed profiles share: a profile is never journaled and has nothing to undo, and each
/// part of it first checks, on the live database, that the tables and columns it writes exist,
/// logging what it skips and why (the database may be at an older version after a rollback).
/// FluentMigrator has no log on a migration, so the profile takes the run's logger through its
/// constructor, as FluentMigrator creates migrations and profiles through dependency injection.
/// </summary>
public abstract class SeedProfile(ILogger logger) : Migration
{
    public sealed override void Down()
    {
    }

    /// <summary>Writes a line to the run's log, for example why a part was skipped.</summary>
    protected void Log(string message)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("{Message}", message);
        }
    }

    /// <summary>True when every table exists; otherwise logs "part skipped: ..." and returns false.</summary>
    protected bool Requires(string part, params string[] tables)
    {
        var missing = tables.Where(t => !Schema.Table(t).Exists()).ToArray();
        if (missing.Length == 0)
        {
            return true;
        }

        Log($"{part} skipped: table {string.Join(", ", missing)} is not there yet (the database is older than the migration that creates it)");
        return false;
    }

    protected bool HasColumn(string table, string column) => Schema.Table(table).Column(column).Exists();

    /// <summary>Fixed, UTC timestamps keep the seed's rows the same on every run and every machine.</summary>
    protected static DateTime At(int day, int hour = 9, int minute = 0) =>
        new(2025, 12, day, hour, minute, 0, DateTimeKind.Utc);
}
