using System.Globalization;
using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// Everything a failed or interrupted run must leave as it found it, as lines to compare: the schema
/// (<see cref="SchemaSnapshot"/>), every journal row with all its columns, and every row of every user table.
/// </summary>
public static class DatabaseContents
{
    public static IReadOnlyList<string> Capture(TestDatabase database)
    {
        var lines = new List<string>(SchemaSnapshot.Take(database));
        lines.AddRange(Rows(database, database.Journal, "journal"));
        foreach (var table in SchemaSnapshot.Tables(database))
        {
            lines.AddRange(Rows(database, TestDatabase.Q(table), "row|" + table));
        }

        return lines;
    }

    private static IEnumerable<string> Rows(TestDatabase database, string table, string kind) =>
        database.Query($"SELECT * FROM {table} ORDER BY 1")
            .Select(row => kind + "|" + string.Join("|", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "<null>")));
}
