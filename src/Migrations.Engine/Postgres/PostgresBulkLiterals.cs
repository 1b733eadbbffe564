using System.Collections;
using System.Globalization;
using System.Text;
using FluentMigrator.Generation;

namespace Migrations.Engine.Postgres;

/// <summary>
/// A bulk row as SQL literals, each value first taken as its column's type exactly as the binary
/// COPY takes it (<see cref="PostgresBulkCopy.Normalize"/>), so a script's INSERT stores what the
/// COPY of a migrate stores: timestamps with an explicit offset (never read in the session's time
/// zone), arrays as array literals, everything else as FluentMigrator's quoter writes it.
/// </summary>
internal static class PostgresBulkLiterals
{
    public static IReadOnlyList<string> Row(IQuoter quoter, IReadOnlyList<string> types, string table, object?[] row)
    {
        if (row.Length != types.Count)
        {
            throw new InvalidOperationException($"bulk insert into \"{table}\": a row has {row.Length} values for {types.Count} columns");
        }

        return row.Select((value, i) => Literal(quoter, types[i], value)).ToArray();
    }

    private static string Literal(IQuoter quoter, string type, object? value)
    {
        if (value is null or DBNull)
        {
            return "NULL";
        }

        value = PostgresBulkCopy.Normalize(value, type);
        return (value, type) switch
        {
            (string text, _) => quoter.QuoteValue(text),
            (IEnumerable items, _) when type.EndsWith("[]", StringComparison.Ordinal) => quoter.QuoteValue(ArrayText(items)),
            (DateTime time, "timestamptz") => quoter.QuoteValue(time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + "+00"),
            (DateTime time, "timestamp") => quoter.QuoteValue(time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
            (DateTime time, "date") => quoter.QuoteValue(time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => quoter.QuoteValue(value),
        };
    }

    // The text form of an array: {"a","b",NULL}, each element quoted and escaped as array input wants.
    private static string ArrayText(IEnumerable items)
    {
        var text = new StringBuilder("{");
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            var element = item switch
            {
                null or DBNull => null,
                bool flag => flag ? "t" : "f",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => item.ToString(),
            };
            text.Append(element is null ? "NULL" : "\"" + element.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        }

        return text.Append('}').ToString();
    }
}
