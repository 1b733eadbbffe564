using System.Globalization;
using System.Text.RegularExpressions;

namespace Migrations.Testing;

/// <summary>
/// Everything two databases must agree on after the same work: the schema snapshot, every row of
/// every table, and the journal's rows without the two values a run cannot repeat (when it ran, how
/// long it took). A timestamp within a day of now in a row is a column default's clock (now(),
/// CURRENT_TIMESTAMP) and is written as &lt;now&gt;; every other value is compared as stored.
/// </summary>
public static partial class DatabaseState
{
    private static readonly string[] RunClockColumns = ["AppliedOn", "DurationMs"];

    public static IReadOnlyList<string> Take(TestDatabase database)
    {
        var lines = new List<string>();
        lines.AddRange(SchemaSnapshot.Take(database).Select(l => "schema|" + l));
        foreach (var (table, rows) in RowSnapshot.Take(database).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            lines.AddRange(rows.Select(r => $"row|{table}|{MaskClock(r)}").Order(StringComparer.Ordinal));
        }

        lines.AddRange(Journal(database));
        return lines;
    }

    private static IEnumerable<string> Journal(TestDatabase database)
    {
        var columns = JournalSnapshot.Columns(database).Where(c => !RunClockColumns.Contains(c)).ToArray();
        if (columns.Length == 0)
        {
            return [];
        }

        return database.Query($"SELECT {string.Join(", ", columns.Select(TestDatabase.Q))} FROM {database.Journal}")
            .Select(row => "journal|" + string.Join("|", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "<null>")))
            .Order(StringComparer.Ordinal);
    }

    private static string MaskClock(string row) => Timestamp().Replace(row, match =>
        DateTime.TryParse(match.Groups["local"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
        && Math.Abs((time - DateTime.UtcNow).TotalDays) < 1 ? "<now>" : match.Value);

    [GeneratedRegex(@"(?<local>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?)(Z|[+-]\d{2}(:?\d{2})?)?")]
    private static partial Regex Timestamp();
}
