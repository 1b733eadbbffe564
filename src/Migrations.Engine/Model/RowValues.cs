using System.Collections;
using System.Reflection;

namespace Migrations.Engine.Model;

/// <summary>Turns the anonymous objects and dictionaries of Insert/Update/Delete into ordered column values.</summary>
public static class RowValues
{
    public static IReadOnlyList<ColumnValue> From(object row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row is IDictionary dictionary)
        {
            return dictionary.Keys.Cast<object>()
                .Select(key => new ColumnValue(key.ToString()!, dictionary[key]))
                .ToArray();
        }

        if (row is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            return pairs.Select(pair => new ColumnValue(pair.Key, pair.Value)).ToArray();
        }

        // Anonymous types keep declaration order in GetProperties, which gives the column order.
        return row.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => new ColumnValue(property.Name, property.GetValue(row)))
            .ToArray();
    }
}
