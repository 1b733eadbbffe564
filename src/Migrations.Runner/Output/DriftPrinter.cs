using System.Text;
using System.Text.Json;
using Migrations.Engine.Schema;

namespace Migrations.Runner.Output;

/// <summary>Drift as text (one line per difference) or as one JSON array for machines.</summary>
public static class DriftPrinter
{
    public static string Text(IEnumerable<(string Database, DriftReport Report)> reports)
    {
        var text = new StringBuilder();
        foreach (var (database, report) in reports)
        {
            foreach (var difference in report.Differences)
            {
                text.Append(database).Append(": ").AppendLine(difference.ToString());
            }
        }

        return text.ToString();
    }

    public static string Json(IEnumerable<(string Database, DriftReport Report)> reports) =>
        JsonSerializer.Serialize(reports.Select(r => new
        {
            database = r.Database,
            drift = r.Report.HasDrift,
            appliedMigrations = r.Report.AppliedMigrations,
            objectsCompared = r.Report.ObjectsCompared,
            differences = r.Report.Differences.Select(d => new { kind = d.Kind, name = d.Name, expected = d.Expected, found = d.Found }),
        }), ReadableJson.Options) + Environment.NewLine;
}
