using System.Globalization;
using System.Text;
using System.Text.Json;
using Migrations.Engine.Running;

namespace Migrations.Runner.Output;

/// <summary>The <c>status</c> result: a table for people, one JSON array for pipelines.</summary>
public static class StatusPrinter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Json(IEnumerable<(string Database, MigrationStatus Status)> statuses) =>
        JsonSerializer.Serialize(statuses.Select(s => new
        {
            database = s.Database,
            version = s.Status.Version,
            description = s.Status.Description,
            tags = s.Status.Tags,
            state = State(s.Status.State),
            appliedOn = s.Status.AppliedOn?.ToString("O", CultureInfo.InvariantCulture),
            appliedBy = s.Status.AppliedBy,
            environment = s.Status.Environment,
            baseline = s.Status.Baseline,
        }), JsonOptions) + Environment.NewLine;

    /// <param name="missingJournals">Databases without a journal (and its name): their header says so.</param>
    public static string Table(IEnumerable<(string Database, MigrationStatus Status)> statuses, IReadOnlyDictionary<string, string>? missingJournals = null)
    {
        var text = new StringBuilder();
        foreach (var group in statuses.GroupBy(s => s.Database))
        {
            text.Append(group.Key).Append(':');
            if (missingJournals?.GetValueOrDefault(group.Key) is { } journal)
            {
                text.Append(" no journal (").Append(journal).Append(" does not exist): nothing recorded as applied, every migration pending");
            }

            text.AppendLine();
            foreach (var (_, s) in group)
            {
                var applied = s.State == MigrationState.Applied || s.State == MigrationState.Missing
                    ? $"{(s.AppliedOn is { } on ? $"{on:yyyy-MM-dd HH:mm:ss}Z" : "at an unknown time")} by {s.AppliedBy ?? "?"}{(s.Environment is null ? "" : $" in {s.Environment}")}"
                    : "";
                var tags = s.Tags.Count == 0 ? "" : $" [{string.Join(", ", s.Tags)}]";
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Version,14}  {Label(s),-26} {s.Description}{tags}  {applied}").TrimEnd());
            }
        }

        return text.ToString();
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
        MigrationState.Applied when status.Baseline is not null => "baselined",
        MigrationState.Skipped => "not for this environment",
        MigrationState.Missing => "applied, missing from code",
        var state => State(state),
    };
}
