namespace Migrations.Engine.Schema.Diagram;

/// <summary>
/// Which way a picture is laid out so it stays narrow. Mermaid ranks a referenced table before the
/// tables that reference it: top to bottom, a rank's tables stand side by side (and so do parts not
/// linked to each other); left to right, the ranks do. The direction with fewer tables across wins.
/// </summary>
public static class ErDirection
{
    public static string For(IReadOnlyCollection<string> tables, IEnumerable<ErRelationship> relationships)
    {
        var edges = relationships.Where(r => r.Table != r.Referenced && tables.Contains(r.Referenced) && tables.Contains(r.Table))
            .Select(r => (From: r.Referenced, To: r.Table)).Distinct().ToArray();
        var rank = Ranks(tables, edges);
        var ranksAcross = rank.Values.DefaultIfEmpty(0).Max() + 1;
        var sideBySide = Components(tables, edges).Sum(component => component.GroupBy(t => rank[t]).Max(g => g.Count()));
        return sideBySide > ranksAcross ? "LR" : "TB";
    }

    // Longest path from a table nothing in the picture references; tables on a cycle keep the rank they reached.
    private static Dictionary<string, int> Ranks(IReadOnlyCollection<string> tables, (string From, string To)[] edges)
    {
        var rank = tables.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        var incoming = tables.ToDictionary(t => t, t => edges.Count(e => e.To == t), StringComparer.Ordinal);
        var ready = new Queue<string>(tables.Where(t => incoming[t] == 0).Order(StringComparer.Ordinal));
        while (ready.TryDequeue(out var table))
        {
            foreach (var (_, to) in edges.Where(e => e.From == table))
            {
                rank[to] = Math.Max(rank[to], rank[table] + 1);
                if (--incoming[to] == 0)
                {
                    ready.Enqueue(to);
                }
            }
        }

        return rank;
    }

    private static IEnumerable<List<string>> Components(IReadOnlyCollection<string> tables, (string From, string To)[] edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in tables.Order(StringComparer.Ordinal).Where(seen.Add))
        {
            var component = new List<string>();
            var stack = new Stack<string>([start]);
            while (stack.TryPop(out var table))
            {
                component.Add(table);
                foreach (var next in edges.Where(e => e.From == table).Select(e => e.To).Concat(edges.Where(e => e.To == table).Select(e => e.From)).Where(seen.Add))
                {
                    stack.Push(next);
                }
            }

            yield return component;
        }
    }
}
