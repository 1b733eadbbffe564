using System.Globalization;
using System.Text;
using System.Text.Json;
using Migrations.Engine.Running;

namespace Migrations.Runner.Output;

/// <summary>The <c>status</c> result: a table per database for people, one JSON array for pipelines.</summary>
public static class StatusPrinter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly string[] Headings = ["VERSION", "STATE", "APPLIED (UTC)", "BY", "ENVIRONMENT", "DESCRIPTION"];

    public static string Json(IEnumerable<(string Database, MigrationStatus Status)> statuses) =>
        JsonSerializer.Serialize(statuses.Select(s => new
        {
            database = s.Database,
            version = s.Status.Version,
            description = s.Status.Description,
            tags = s.Status.Tags,
            state = State(s.Status.State),
            edited = s.Status.Edited,
            appliedOn = s.Status.AppliedOn?.ToString("O", CultureInfo.InvariantCulture),
            appliedBy = s.Status.AppliedBy,
            environment = s.Status.Environment,
            baseline = s.Status.Baseline,
        }), JsonOptions) + Environment.NewLine;

    /// <summary>
    /// Per database: a header with the current version and the counts, then one row per migration.
    /// Every column is as wide as its longest value, and the description (with its tags) comes
    /// last, so no description, however long, moves another column.
    /// </summary>
    /// <param name="missingJournals">Databases without a journal (and its name): their header says so.</param>
    public static string Table(IEnumerable<(string Database, MigrationStatus Status)> statuses, IReadOnlyDictionary<string, string>? missingJournals = null)
    {
        var text = new StringBuilder();
        foreach (var group in statuses.GroupBy(s => s.Database))
        {
            var rows = group.Select(s => s.Status).ToArray();
            if (text.Length > 0)
            {
                text.AppendLine();
            }

            text.AppendLine(Header(group.Key, rows, missingJournals?.GetValueOrDefault(group.Key)));
            var cells = rows.Select(Cells).Prepend(Headings).ToArray();
            var widths = Enumerable.Range(0, Headings.Length - 1).Select(column => cells.Max(row => row[column].Length)).ToArray();
            foreach (var row in cells)
            {
                var line = new StringBuilder("  ");
                for (var column = 0; column < widths.Length; column++)
                {
                    // Versions line up on their last digit; words on their first letter.
                    line.Append(column == 0 ? row[column].PadLeft(widths[column]) : row[column].PadRight(widths[column])).Append("  ");
                }

                text.AppendLine(line.Append(row[^1]).ToString().TrimEnd());
            }

            if (rows.Any(r => r.Edited))
            {
                text.AppendLine("  edited: applied, then changed in the code (its checksum differs); run validate, and restore the migration or add a new one");
            }
        }

        return text.ToString();
    }

    private static string Header(string database, IReadOnlyList<MigrationStatus> rows, string? missingJournal)
    {
        var applied = rows.Where(r => r.State is MigrationState.Applied or MigrationState.Missing).ToArray();
        var at = applied.Length == 0 ? "no migration applied" : string.Create(CultureInfo.InvariantCulture, $"at version {applied.Max(r => r.Version)}");
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{applied.Length} applied, {rows.Count(r => r.State == MigrationState.Pending)} pending, {rows.Count(r => r.State == MigrationState.Skipped)} skipped");
        var extra = new List<string>();
        if (rows.Count(r => r.Edited) is var edited and > 0)
        {
            extra.Add($"{edited} edited");
        }

        if (rows.Count(r => r.State == MigrationState.Missing) is var missing and > 0)
        {
            extra.Add($"{missing} missing from the code");
        }

        var journal = missingJournal is null ? "" : $"; no journal ({missingJournal} does not exist): nothing recorded as applied, every migration pending";
        return $"{database}: {at}; {counts}{(extra.Count == 0 ? "" : ", " + string.Join(", ", extra))}{journal}";
    }

    private static string[] Cells(MigrationStatus s)
    {
        var applied = s.State is MigrationState.Applied or MigrationState.Missing;
        var tags = s.Tags.Count == 0 ? "" : $" [{string.Join(", ", s.Tags)}]";
        return
        [
            s.Version.ToString(CultureInfo.InvariantCulture),
            Label(s),
            applied ? s.AppliedOn?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "unknown" : "",
            applied ? s.AppliedBy ?? "unknown" : "",
            applied ? s.Environment ?? "" : "",
            s.Description + tags,
        ];
    }

    private static string State(MigrationState state) => state switch
    {
        MigrationState.Applied => "applied",
        MigrationState.Pending => "pending",
        MigrationState.Skipped => "skipped",
        _ => "missing",
    };

    private static string Label(MigrationStatus status) => status.State switch
    {
        MigrationState.Applied when status.Edited => "edited",
        MigrationState.Applied when status.Baseline is not null => "baselined",
        MigrationState.Skipped => "not for this environment",
        MigrationState.Missing => "applied, missing from code",
        var state => State(state),
    };
}
