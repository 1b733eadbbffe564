using FluentMigrator;
using Microsoft.Extensions.Logging;

namespace Migrations.Filetrack.Seeding;

/// <summary>
/// What both seeding profiles share: stable keys, and the live schema check that lets a profile
/// run against an older schema (after a rollback) by skipping, with a log line, every table that is
/// not there yet, lacks a column the profile writes, or references a table that was skipped.
/// A profile is never journaled and has nothing to undo, so Down() is empty.
/// </summary>
public abstract class SeedProfile(ILogger logger) : Migration
{
    private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);

    // FluentMigrator keeps one instance per migration source and may build it more than once:
    // every build starts with nothing skipped.
    public sealed override void Up()
    {
        _skipped.Clear();
        SeedRows();
    }

    public sealed override void Down()
    {
    }

    /// <summary>Writes the profile's rows (FluentMigrator's Up()).</summary>
    protected abstract void SeedRows();

    /// <summary>The tables this run left out, in the order they were skipped.</summary>
    protected IReadOnlyCollection<string> Skipped => _skipped;

    /// <summary>Writes a line to the run's log, named "filetrack: {profile}: ..." as the old engine did.</summary>
    protected void Log(string message) => logger.LogInformation("filetrack: {Profile}: {Message}", GetType().Name, message);

    /// <summary>
    /// True when <paramref name="table"/> exists with every one of <paramref name="columns"/> and none
    /// of the tables it references (<paramref name="parents"/>) was skipped; otherwise logs why and
    /// remembers the table as skipped, so that its children are skipped too. The schema is read live,
    /// through FluentMigrator's <c>Schema</c> root, while the profile is built.
    /// </summary>
    protected bool Ready(string table, IEnumerable<string> columns, IReadOnlyList<string> parents)
    {
        var skippedParent = parents.FirstOrDefault(_skipped.Contains);
        string? reason = null;
        if (skippedParent is not null)
        {
            reason = $"it references \"{skippedParent}\", which was skipped";
        }
        else if (!Schema.Table(table).Exists())
        {
            reason = "the table is not there yet (the database is at an older version; migrate to add it)";
        }
        else
        {
            var missing = columns.Where(column => !Schema.Table(table).Column(column).Exists()).ToArray();
            if (missing.Length > 0)
            {
                reason = $"the table has no column {string.Join(", ", missing.Select(c => $"\"{c}\""))} yet (older schema)";
            }
        }

        if (reason is null)
        {
            return true;
        }

        _skipped.Add(table);
        Log($"skipped \"{table}\": {reason}");
        return false;
    }

    /// <summary>The column names of anonymous-object rows (the union, in first-seen order), as FluentMigrator's Row(object) reads them.</summary>
    protected static IReadOnlyList<string> ColumnsOf(IEnumerable<object> rows) =>
        rows.SelectMany(row => row.GetType().GetProperties().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToArray();
}
