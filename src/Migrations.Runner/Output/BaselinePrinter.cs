using System.Text;
using System.Text.Json;
using Migrations.Engine.Schema;

namespace Migrations.Runner.Output;

/// <summary>What baseline recorded (or would, or why it refused), as text lines or one JSON array.</summary>
public static class BaselinePrinter
{
    public static string Text(IEnumerable<(string Database, BaselineResult Result)> results)
    {
        var text = new StringBuilder();
        foreach (var (database, result) in results)
        {
            foreach (var (entry, migration) in result.PreviousEntries)
            {
                text.Append(database).Append(": ").AppendLine(migration is null
                    ? $"{entry.Table} entry {entry.Entry} maps to no migration (name it with [PreviousJournalEntry(\"{entry.Entry}\")] if one makes it)"
                    : $"{entry.Table} entry {entry.Entry} is {migration.Name}");
            }

            foreach (var contradiction in result.Contradictions)
            {
                text.Append(database).Append(": ").AppendLine(contradiction);
            }

            if (result.MatchedVersion is null)
            {
                text.Append(database).Append(": ").AppendLine($"the live schema matches no version; it is closest to {result.ClosestVersion} with {result.Differences.Count} difference(s):");
                foreach (var difference in result.Differences)
                {
                    text.Append(database).Append(": ").AppendLine(difference.ToString());
                }

                continue;
            }

            var verb = result.Refused ? "would not record" : result.DryRun ? "would record" : "recorded";
            foreach (var (migration, evidence) in result.Rows)
            {
                text.Append(database).Append(": ").AppendLine($"{verb} {migration.Name} ({evidence})");
            }

            if (result.MatchedVersion == 0)
            {
                text.Append(database).Append(": ").AppendLine("the live schema has none of the migrations' objects: nothing to record; migrate builds it");
            }
        }

        return text.ToString();
    }

    public static string Json(IEnumerable<(string Database, BaselineResult Result)> results) =>
        JsonSerializer.Serialize(results.Select(r => new
        {
            database = r.Database,
            matchedVersion = r.Result.MatchedVersion,
            refused = r.Result.Refused,
            dryRun = r.Result.DryRun,
            recorded = r.Result.Refused || r.Result.DryRun ? [] : Rows(r.Result),
            wouldRecord = r.Result.DryRun && !r.Result.Refused ? Rows(r.Result) : [],
            closestVersion = r.Result.ClosestVersion,
            differences = r.Result.Differences.Select(d => new { kind = d.Kind, name = d.Name, expected = d.Expected, found = d.Found }),
            previousJournal = r.Result.PreviousEntries.Select(p => new { table = p.Entry.Table, entry = p.Entry.Entry, version = p.Migration?.Version }),
            contradictions = r.Result.Contradictions,
        }), ReadableJson.Options) + Environment.NewLine;

    private static object[] Rows(BaselineResult result) =>
        result.Rows.Select(row => (object)new { version = row.Migration.Version, migration = row.Migration.Type.Name, evidence = row.Evidence }).ToArray();
}
