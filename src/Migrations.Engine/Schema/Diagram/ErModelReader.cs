using System.Text.RegularExpressions;

namespace Migrations.Engine.Schema.Diagram;

/// <summary>
/// Turns the objects an <see cref="ISchemaReader"/> returns (SQLite's or PostgreSQL's) into the
/// tables, columns and foreign keys of an ER diagram. Reading the readers' objects, not the catalog
/// again, means a diagram shows exactly the schema drift and baseline compare.
/// </summary>
public static partial class ErModelReader
{
    private const string DefaultPostgresSchema = "public.";

    public static ErModel Read(DatabaseSchema schema)
    {
        var objects = schema.Objects.ToArray();
        var tableKeys = objects.Where(o => o.Kind == "table").Select(o => o.Name).ToArray();

        // The longest table name an object's name starts with: "public.Lead.id" is Lead's, even beside a table "public.Le".
        string? TableOf(string name) => tableKeys.Where(t => name.StartsWith(t + ".", StringComparison.Ordinal)).MaxBy(t => t.Length);

        var columns = tableKeys.ToDictionary(t => t, _ => new List<(string Name, string Type, bool Nullable, int PkOrder)>(), StringComparer.Ordinal);
        var primaryKeys = tableKeys.ToDictionary(t => t, _ => new List<string>(), StringComparer.Ordinal);
        var uniques = tableKeys.ToDictionary(t => t, _ => new List<HashSet<string>>(), StringComparer.Ordinal);
        var foreignKeys = new List<(string Table, string[] Columns, string Referenced, string OnDelete)>();

        foreach (var item in objects)
        {
            if (TableOf(item.Name) is not { } table)
            {
                continue;
            }

            var local = item.Name[(table.Length + 1)..];
            switch (item.Kind)
            {
                case "column":
                    var column = ColumnDefinition().Match(item.Definition);
                    var pk = PrimaryKeyPosition().Match(item.Definition) is { Success: true } position ? int.Parse(position.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                    columns[table].Add((local, column.Groups["type"].Value, column.Groups["null"].Value == "null", pk));
                    break;
                case "primary key":
                    primaryKeys[table].AddRange(ListIn(item.Definition));
                    break;
                case "unique":
                    uniques[table].Add(ListIn(item.Definition).ToHashSet(StringComparer.OrdinalIgnoreCase));
                    break;
                case "foreign key":
                    foreignKeys.Add(ReadForeignKey(table, local, item.Definition, tableKeys));
                    break;
            }
        }

        // Unique indexes without a WHERE are uniques too (SQLite's and PostgreSQL's text alike).
        foreach (var index in objects.Where(o => o.Kind == "index"))
        {
            var match = UniqueIndex().Match(index.Definition);
            if (match.Success && Resolve(Unquote(match.Groups["table"].Value), tableKeys) is { } table)
            {
                uniques[table].Add(Split(match.Groups["columns"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase));
            }
        }

        var tables = tableKeys.Select(key =>
        {
            // SQLite marks primary-key columns in their definition; PostgreSQL in a constraint.
            var keyColumns = primaryKeys[key].Count > 0
                ? primaryKeys[key]
                : columns[key].Where(c => c.PkOrder > 0).OrderBy(c => c.PkOrder).Select(c => c.Name).ToList();
            var fkColumns = foreignKeys.Where(f => f.Table == key).SelectMany(f => f.Columns).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var singleUniques = uniques[key].Where(u => u.Count == 1).SelectMany(u => u).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var ordered = columns[key]
                .OrderBy(c => keyColumns.IndexOf(c.Name) is var i and >= 0 ? i : int.MaxValue)
                .Select(c => new ErColumn(c.Name, c.Type, c.Nullable, keyColumns.Contains(c.Name), fkColumns.Contains(c.Name), singleUniques.Contains(c.Name)))
                .ToArray();
            return new ErTable(DisplayName(key), ordered);
        }).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

        var relationships = foreignKeys.Select(f =>
        {
            var own = columns[f.Table];
            var optional = f.Columns.Any(c => own.Any(o => o.Name.Equals(c, StringComparison.OrdinalIgnoreCase) && o.Nullable));
            var keyColumns = tables.First(t => t.Name == DisplayName(f.Table)).Columns.Where(c => c.PrimaryKey).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var oneToOne = keyColumns.SetEquals(f.Columns) || uniques[f.Table].Any(u => u.SetEquals(f.Columns));
            return new ErRelationship(DisplayName(f.Table), f.Columns, DisplayName(f.Referenced), f.OnDelete, optional, oneToOne);
        })
            .OrderBy(r => r.Table, StringComparer.Ordinal)
            .ThenBy(r => string.Join(",", r.Columns), StringComparer.Ordinal)
            .ThenBy(r => r.Referenced, StringComparer.Ordinal)
            .ToArray();
        return new ErModel(tables, relationships);
    }

    private static (string Table, string[] Columns, string Referenced, string OnDelete) ReadForeignKey(string table, string local, string definition, string[] tableKeys)
    {
        // PostgreSQL: FOREIGN KEY (a, b) REFERENCES t(x, y) ON DELETE ...; SQLite: the name holds (a, b), the definition references t(x, y) ... on delete ...
        var postgres = PostgresForeignKey().Match(definition);
        var columns = postgres.Success ? Split(postgres.Groups["columns"].Value) : Split(local.Trim('(', ')'));
        var referenced = postgres.Success ? postgres.Groups["referenced"].Value : SqliteReference().Match(definition).Groups["referenced"].Value;
        var onDelete = OnDelete().Match(definition) is { Success: true } rule ? rule.Groups[1].Value.ToLowerInvariant() : "no action";
        var resolved = Resolve(Unquote(referenced), tableKeys) ?? Unquote(referenced);
        return (table, columns, resolved, onDelete);
    }

    // A referenced or indexed table as written: "Lead", "public.Lead", "auth.users", or lower case (SQLite's normalised SQL).
    private static string? Resolve(string name, string[] tableKeys) =>
        tableKeys.FirstOrDefault(t => t == name)
        ?? tableKeys.FirstOrDefault(t => t == DefaultPostgresSchema + name)
        ?? tableKeys.FirstOrDefault(t => t.Equals(name, StringComparison.OrdinalIgnoreCase) || t.Equals(DefaultPostgresSchema + name, StringComparison.OrdinalIgnoreCase));

    // PostgreSQL's own schema goes without saying; another (auth, storage) stays in the name.
    private static string DisplayName(string key) => key.StartsWith(DefaultPostgresSchema, StringComparison.Ordinal) ? key[DefaultPostgresSchema.Length..] : key;

    private static string[] ListIn(string definition)
    {
        var open = definition.IndexOf('(', StringComparison.Ordinal);
        var close = definition.IndexOf(')', open + 1);
        return open < 0 || close < 0 ? [] : Split(definition[(open + 1)..close]);
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Unquote).ToArray();

    private static string Unquote(string name) => string.Join(".", name.Trim().Split('.').Select(p => p.Trim().Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal)));

    [GeneratedRegex(@"^(?<type>.*?) ?(?<null>not null|null)(?: |$)")]
    private static partial Regex ColumnDefinition();

    // SQLite's reader ends a key column's definition with its position in the key (before " generated").
    [GeneratedRegex(@" primary key (\d+)(?: generated)?$")]
    private static partial Regex PrimaryKeyPosition();

    [GeneratedRegex(@"^FOREIGN KEY \((?<columns>[^)]*)\) REFERENCES (?<referenced>.+?)\(")]
    private static partial Regex PostgresForeignKey();

    [GeneratedRegex(@"^references (?<referenced>.+?)\(")]
    private static partial Regex SqliteReference();

    [GeneratedRegex(@"on delete (cascade|set null|set default|restrict|no action)", RegexOptions.IgnoreCase)]
    private static partial Regex OnDelete();

    [GeneratedRegex(@"^create unique index \S+ on (?<table>\S+?) ?(?:using \w+ )?\((?<columns>[^()]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex UniqueIndex();
}
