namespace Migrations.Engine.Schema;

/// <summary>The objects of one database's schema, keyed by kind and name.</summary>
public sealed class DatabaseSchema
{
    private readonly Dictionary<string, SchemaObject> _objects;

    public DatabaseSchema(IEnumerable<SchemaObject> objects)
    {
        _objects = [];
        foreach (var item in objects)
        {
            // A later duplicate would hide an object silently: two rows for one key is a reader's bug.
            if (!_objects.TryAdd(item.Key, item))
            {
                throw new InvalidOperationException($"the schema reader returned {item.Key} twice");
            }
        }
    }

    public IReadOnlyCollection<SchemaObject> Objects => _objects.Values;

    public int Count => _objects.Count;

    /// <summary>
    /// Every difference from <paramref name="expected"/> to this schema (the found one), sorted by
    /// kind and name: objects missing here, objects only here, and objects defined differently.
    /// </summary>
    public IReadOnlyList<SchemaDifference> DifferencesFrom(DatabaseSchema expected)
    {
        var differences = new List<SchemaDifference>();
        foreach (var (key, wanted) in expected._objects)
        {
            if (!_objects.TryGetValue(key, out var found))
            {
                differences.Add(new SchemaDifference(wanted.Kind, wanted.Name, wanted.Definition, null));
            }
            else if (!string.Equals(found.Definition, wanted.Definition, StringComparison.Ordinal))
            {
                differences.Add(new SchemaDifference(wanted.Kind, wanted.Name, wanted.Definition, found.Definition));
            }
        }

        differences.AddRange(_objects.Where(o => !expected._objects.ContainsKey(o.Key))
            .Select(o => new SchemaDifference(o.Value.Kind, o.Value.Name, null, o.Value.Definition)));
        return differences
            .OrderBy(d => d.Kind, StringComparer.Ordinal)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToArray();
    }
}
