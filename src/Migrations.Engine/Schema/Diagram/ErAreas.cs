namespace Migrations.Engine.Schema.Diagram;

/// <summary>One picture: its tables (sorted), and the table most of them hang off (null when none links to another), which names it.</summary>
public sealed record ErArea(string? Hub, IReadOnlyList<string> Tables);

/// <summary>
/// Splits a schema into pictures small enough to read at page width: the connected parts of the
/// foreign-key graph, a part larger than the bound cut into pieces grown around its best-connected
/// tables, and small parts packed together up to the bound. Every step breaks ties by name, so
/// the same schema always gives the same pictures.
/// </summary>
public static class ErAreas
{
    public const int DefaultMaxTables = 6; // rendered, six tables stay within about 1,500 px across; ten reached 2,400

    public static IReadOnlyList<ErArea> Split(ErModel model, int maxTables = DefaultMaxTables)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTables, 1);
        var neighbours = model.Tables.ToDictionary(t => t.Name, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var r in model.Relationships.Where(r => r.Table != r.Referenced && neighbours.ContainsKey(r.Referenced)))
        {
            neighbours[r.Table].Add(r.Referenced);
            neighbours[r.Referenced].Add(r.Table);
        }

        var pieces = new List<List<string>>();
        var small = new List<List<string>>();
        foreach (var component in Components(neighbours))
        {
            if (component.Count <= maxTables)
            {
                small.Add(component);
                continue;
            }

            var remaining = component.ToHashSet(StringComparer.Ordinal);
            while (remaining.Count > 0)
            {
                var piece = Grow(remaining, neighbours, maxTables);
                remaining.ExceptWith(piece);

                // What is left of a star (tables that each hang off the hub alone) is packed like the small parts.
                (piece.Count == maxTables ? pieces : small).Add(piece);
            }
        }

        // First fit, largest first: isolated tables and small clusters share a picture rather than each getting one.
        var bins = new List<List<string>>();
        foreach (var component in small.OrderByDescending(c => c.Count).ThenBy(c => c.Min(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            var bin = bins.FirstOrDefault(b => b.Count + component.Count <= maxTables);
            if (bin is null)
            {
                bins.Add([.. component]);
            }
            else
            {
                bin.AddRange(component);
            }
        }

        return pieces.Concat(bins)
            .Select(p => new ErArea(Hub(p, neighbours), p.OrderBy(t => t, StringComparer.Ordinal).ToArray()))
            .ToArray();
    }

    private static IEnumerable<List<string>> Components(Dictionary<string, SortedSet<string>> neighbours)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();
        foreach (var start in neighbours.Keys.OrderBy(k => k, StringComparer.Ordinal).Where(k => !seen.Contains(k)))
        {
            var component = new List<string>();
            var queue = new Queue<string>([start]);
            seen.Add(start);
            while (queue.TryDequeue(out var table))
            {
                component.Add(table);
                foreach (var next in neighbours[table].Where(seen.Add))
                {
                    queue.Enqueue(next);
                }
            }

            components.Add(component);
        }

        return components.OrderByDescending(c => c.Count).ThenBy(c => c.Min(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    // From the best-connected table left, add the neighbour with the most links into the piece, until the bound.
    private static List<string> Grow(HashSet<string> remaining, Dictionary<string, SortedSet<string>> neighbours, int maxTables)
    {
        int Degree(string t) => neighbours[t].Count(remaining.Contains);
        var seed = remaining.OrderByDescending(Degree).ThenBy(t => t, StringComparer.Ordinal).First();
        var piece = new List<string> { seed };
        var inPiece = new HashSet<string>(StringComparer.Ordinal) { seed };
        while (piece.Count < maxTables)
        {
            var next = piece.SelectMany(t => neighbours[t]).Where(t => remaining.Contains(t) && !inPiece.Contains(t)).Distinct()
                .OrderByDescending(t => neighbours[t].Count(inPiece.Contains))
                .ThenByDescending(Degree)
                .ThenBy(t => t, StringComparer.Ordinal)
                .FirstOrDefault();
            if (next is null)
            {
                break;
            }

            piece.Add(next);
            inPiece.Add(next);
        }

        return piece;
    }

    private static string? Hub(List<string> piece, Dictionary<string, SortedSet<string>> neighbours) =>
        piece.Where(t => neighbours[t].Any(piece.Contains))
            .OrderByDescending(t => neighbours[t].Count(piece.Contains)).ThenBy(t => t, StringComparer.Ordinal).FirstOrDefault();
}
