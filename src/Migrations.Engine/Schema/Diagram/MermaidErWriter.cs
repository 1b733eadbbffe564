using System.Text;
using System.Text.RegularExpressions;

namespace Migrations.Engine.Schema.Diagram;

/// <summary>
/// Markdown with one Mermaid <c>erDiagram</c> per area: every table with every column (type,
/// PK/FK/UK, "nullable"), the foreign keys inside the area as relationships, and those that cross
/// to another picture as a list under it. The text depends only on the schema.
/// </summary>
public static partial class MermaidErWriter
{
    public static string Write(ErModel model, int maxTables = ErAreas.DefaultMaxTables)
    {
        if (model.Tables.Count == 0)
        {
            return "No tables.\n";
        }

        var areas = ErAreas.Split(model, maxTables);
        var pictureOf = areas.SelectMany((a, i) => a.Tables.Select(t => (t, i + 1))).ToDictionary(p => p.t, p => p.Item2, StringComparer.Ordinal);
        var text = new StringBuilder();
        for (var i = 0; i < areas.Count; i++)
        {
            var area = areas[i];
            var number = i + 1;
            var tables = area.Tables.ToHashSet(StringComparer.Ordinal);
            if (i > 0)
            {
                text.Append('\n');
            }

            var count = $"{area.Tables.Count} {(area.Tables.Count == 1 ? "table" : "tables")}";
            text.Append(area.Hub is null ? $"### {number}. Tables without foreign keys between them ({count})\n\n" : $"### {number}. Around `{area.Hub}` ({count})\n\n");
            text.Append($"```mermaid\nerDiagram\n    direction {ErDirection.For(tables, model.Relationships)}\n");
            foreach (var table in model.Tables.Where(t => tables.Contains(t.Name)))
            {
                WriteTable(text, table);
            }

            foreach (var r in model.Relationships.Where(r => tables.Contains(r.Table) && tables.Contains(r.Referenced)))
            {
                text.Append($"    {Entity(r.Referenced)} {(r.Optional ? "|o" : "||")}--{(r.OneToOne ? "o|" : "o{")} {Entity(r.Table)} : \"{Label(r)}\"\n");
            }

            text.Append("```\n");
            var outgoing = model.Relationships.Where(r => tables.Contains(r.Table) && !tables.Contains(r.Referenced))
                .Select(r => $"- `{r.Table}`.{Columns(r)} references `{r.Referenced}`{Where(r.Referenced, pictureOf)}{Rule(r)}");
            var incoming = model.Relationships.Where(r => !tables.Contains(r.Table) && tables.Contains(r.Referenced))
                .Select(r => $"- `{r.Referenced}` is referenced by `{r.Table}`.{Columns(r)}{Where(r.Table, pictureOf)}{Rule(r)}");
            var links = outgoing.Concat(incoming).ToArray();
            if (links.Length > 0)
            {
                text.Append("\nForeign keys to and from other pictures:\n\n");
                foreach (var link in links)
                {
                    text.Append(link).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static void WriteTable(StringBuilder text, ErTable table)
    {
        text.Append($"    {Entity(table.Name)} {{\n");
        foreach (var column in table.Columns)
        {
            var keys = new[] { column.PrimaryKey ? "PK" : null, column.ForeignKey ? "FK" : null, column.Unique && !column.PrimaryKey ? "UK" : null }.OfType<string>().ToArray();
            text.Append($"        {Word(Type(column.Type))} {Word(column.Name)}");
            if (keys.Length > 0)
            {
                text.Append(' ').Append(string.Join(", ", keys));
            }

            // Mermaid attribute words cannot hold every column name; the real one then goes in the comment.
            var comment = new[] { Word(column.Name) != column.Name ? column.Name.Replace('"', '\'') : null, column.Nullable ? "nullable" : null }.OfType<string>().ToArray();
            if (comment.Length > 0)
            {
                text.Append($" \"{string.Join(", ", comment)}\"");
            }

            text.Append('\n');
        }

        text.Append("    }\n");
    }

    private static string Label(ErRelationship r) =>
        (string.Join(", ", r.Columns) + (r.OnDelete == "no action" ? "" : $" ({r.OnDelete})")).Replace('"', '\'');

    private static string Columns(ErRelationship r) => r.Columns.Count == 1 ? $"`{r.Columns[0]}`" : $"({string.Join(", ", r.Columns.Select(c => $"`{c}`"))})";

    private static string Rule(ErRelationship r) => r.OnDelete == "no action" ? "" : $", on delete {r.OnDelete}";

    private static string Where(string table, Dictionary<string, int> pictureOf) =>
        pictureOf.TryGetValue(table, out var picture) ? $" (picture {picture})" : " (not in this schema)";

    // Entity names Mermaid takes bare are letters, digits and underscores; others ("auth.users") are quoted.
    private static string Entity(string name) => BareEntity().IsMatch(name) ? name : $"\"{name.Replace('"', '\'')}\"";

    // PostgreSQL's long type names by their short aliases, so a type stays one readable word.
    private static string Type(string type)
    {
        if (type.Length == 0)
        {
            return "untyped"; // SQLite allows a column without a declared type
        }

        var shorter = type.Replace("\"", "", StringComparison.Ordinal)
            .Replace("character varying", "varchar", StringComparison.Ordinal)
            .Replace("double precision", "float8", StringComparison.Ordinal)
            .Replace("bit varying", "varbit", StringComparison.Ordinal);
        shorter = TimeZone().Replace(shorter, m => m.Groups[1].Value + (m.Groups[3].Value == "with" ? "tz" : "") + m.Groups[2].Value);
        return shorter.StartsWith("character", StringComparison.Ordinal) ? "char" + shorter["character".Length..] : shorter;
    }

    // What Mermaid's lexer takes as one attribute word; anything else (a space, a comma in numeric(10,2)) becomes '_'.
    private static string Word(string text)
    {
        var word = NotInWord().Replace(text, "_");
        return char.IsAsciiLetter(word[0]) || word[0] == '_' ? word : "_" + word;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex BareEntity();

    [GeneratedRegex(@"\b(timestamp|time)(\(\d+\))? (with|without) time zone")]
    private static partial Regex TimeZone();

    [GeneratedRegex(@"[^A-Za-z0-9_\-\[\]\(\)]")]
    private static partial Regex NotInWord();
}
