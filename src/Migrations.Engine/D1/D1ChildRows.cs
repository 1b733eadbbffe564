using Migrations.Engine.Sqlite;

namespace Migrations.Engine.D1;

/// <summary>
/// The rebuild rule on D1, where foreign keys are always on (<c>PRAGMA foreign_keys = OFF</c> does
/// nothing): dropping the old table would cascade-delete, null or refuse its children's rows. So
/// every table that references the rebuilt one, directly or through others, is copied aside
/// before the drop (<c>_d1_keep_&lt;table&gt;</c>), emptied deepest first, and put back parents first
/// after the rename, each row as it was; the batch then ends with the foreign-key check.
/// Every descendant is set aside whatever the copy's row count says: the application may have
/// written rows to D1 since the export.
/// </summary>
public static class D1ChildRows
{
    private const string KeepPrefix = "_d1_keep_";

    public static SqliteChange Keep(SqliteChange change, ISqliteCatalog catalog, Func<string, object?[], List<object?[]>> query)
    {
        var table = change.RebuiltTable!;
        if (query("SELECT 1 FROM pragma_foreign_key_list(@p0) WHERE \"table\" = @p0 COLLATE NOCASE", [table]).Count > 0)
        {
            throw new SqliteRebuildException(table, "it references itself, and on D1 dropping the old table would run that reference's ON DELETE action on the new one; rebuilding a self-referencing table is not supported on D1");
        }

        var descendants = Descendants(table, catalog);
        if (descendants.Count == 0)
        {
            return change;
        }

        var statements = change.Statements.ToList();
        var drop = statements.FindIndex(s => s.Equals($"DROP TABLE {Q(table)}", StringComparison.OrdinalIgnoreCase));
        var rename = statements.FindIndex(s => s.StartsWith("ALTER TABLE ", StringComparison.OrdinalIgnoreCase) && s.EndsWith($" RENAME TO {Q(table)}", StringComparison.OrdinalIgnoreCase));
        if (drop < 0 || rename < drop)
        {
            throw new SqliteRebuildException(table, "the rebuild's DROP and RENAME were not found, so its child rows cannot be set aside");
        }

        // Just after the rename and the PRAGMA that follows it.
        var after = rename + 1 < statements.Count && statements[rename + 1].StartsWith("PRAGMA legacy_alter_table", StringComparison.OrdinalIgnoreCase) ? rename + 2 : rename + 1;
        var putBack = new List<string>();
        foreach (var child in descendants)
        {
            var columns = string.Join(", ", query("SELECT name FROM pragma_table_xinfo(@p0) WHERE hidden = 0 ORDER BY cid", [child]).Select(r => Q((string)r[0]!)));
            putBack.Add($"INSERT INTO {Q(child)} ({columns}) SELECT {columns} FROM {Q(KeepPrefix + child)}");
        }

        putBack.AddRange(descendants.Select(child => $"DROP TABLE {Q(KeepPrefix + child)}"));
        statements.InsertRange(after, putBack);

        var setAside = descendants.Select(child => $"CREATE TABLE {Q(KeepPrefix + child)} AS SELECT * FROM {Q(child)}").ToList();
        setAside.AddRange(descendants.AsEnumerable().Reverse().Select(child => $"DELETE FROM {Q(child)}"));
        statements.InsertRange(drop, setAside);
        return change with { Statements = statements };
    }

    /// <summary>Every table that references <paramref name="table"/> through foreign keys, parents before their children.</summary>
    private static List<string> Descendants(string table, ISqliteCatalog catalog)
    {
        var order = new List<string>();
        var edges = new List<(string Parent, string Child)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { table };
        var queue = new Queue<string>([table]);
        while (queue.TryDequeue(out var parent))
        {
            foreach (var child in catalog.ReferencesTo(parent).Select(r => r.Table).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                edges.Add((parent, child));
                if (seen.Add(child))
                {
                    order.Add(child);
                    queue.Enqueue(child);
                }
            }
        }

        // Longest path from the rebuilt table (bounded, so a cycle cannot loop): a table reached
        // through a deeper path comes after that parent too.
        var depth = seen.ToDictionary(t => t, _ => 0, StringComparer.OrdinalIgnoreCase);
        for (var round = 0; round < seen.Count; round++)
        {
            foreach (var (parent, child) in edges)
            {
                if (!child.Equals(table, StringComparison.OrdinalIgnoreCase) && depth[parent] + 1 > depth[child] && depth[parent] + 1 <= seen.Count)
                {
                    depth[child] = depth[parent] + 1;
                }
            }
        }

        return order.OrderBy(t => depth[t]).ThenBy(order.IndexOf).ToList();
    }

    private static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
