using System.Collections;
using System.Globalization;
using System.Text;
using FluentMigrator.Generation;

namespace Migrations.Engine.Postgres;

/// <summary>
/// A bulk row as SQL literals that store what the binary COPY of a migrate stores: each value is
/// first taken as its column's type as the COPY takes it (<see cref="PostgresBulkCopy.Normalize"/>),
/// then written as Npgsql writes it: timestamps to the microsecond (ticks cut, not rounded) with an
/// explicit offset, never read in the session's time zone, <c>DateTime.MinValue</c>/<c>MaxValue</c>
/// as -infinity/infinity, an interval as days and microseconds, NaN and infinities quoted, arrays
/// element by element by the same rules. Everything else is FluentMigrator's quoter's.
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
        if (type.EndsWith("[]", StringComparison.Ordinal) && value is IEnumerable items and not string and not byte[])
        {
            return quoter.QuoteValue(ArrayText(items, type[..^2]));
        }

        return Text(value, type) is { } text ? quoter.QuoteValue(text) : quoter.QuoteValue(value);
    }

    /// <summary>The value's input text where FluentMigrator's literal would store something else than COPY; null to leave it to the quoter.</summary>
    private static string? Text(object value, string type) => (value, type) switch
    {
        (DateTime time, "timestamptz" or "timestamp" or "date") when time == DateTime.MinValue => "-infinity",
        (DateTime time, "timestamptz" or "timestamp" or "date") when time == DateTime.MaxValue => "infinity",
        (DateOnly date, "date") when date == DateOnly.MinValue => "-infinity",
        (DateOnly date, "date") when date == DateOnly.MaxValue => "infinity",
        (DateTime time, "timestamptz") => Microseconds(time) + "+00",
        (DateTimeOffset offset, "timestamptz") => Microseconds(offset.UtcDateTime) + "+00",
        (DateTime time, "timestamp") => Microseconds(time),
        (DateTime time, "date") => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (DateOnly date, _) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (TimeOnly time, _) => time.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        (TimeSpan span, "interval") => Interval(span),
        (double number, _) when !double.IsFinite(number) => double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity",
        (float number, _) when !float.IsFinite(number) => float.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity",
        (string text, _) => text,
        _ => null,
    };

    // Npgsql writes ticks / 10: the seventh digit is cut.
    private static string Microseconds(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    // As Npgsql writes a TimeSpan: whole days, and the rest in microseconds (no months).
    private static string Interval(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{span.Days} days {(span.Ticks - (span.Days * TimeSpan.TicksPerDay)) / 10} microseconds");

    // The text form of an array: {"a","b",NULL}, each element written as a value of the element type and escaped as array input wants.
    private static string ArrayText(IEnumerable items, string elementType)
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
            var element = item is null or DBNull ? null : Element(PostgresBulkCopy.Normalize(item, elementType), elementType);
            text.Append(element is null ? "NULL" : "\"" + element.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        }

        return text.Append('}').ToString();
    }

    private static string Element(object value, string type) => Text(value, type) ?? value switch
    {
        bool flag => flag ? "t" : "f",
        byte[] bytes => "\\x" + Convert.ToHexString(bytes),
        DateTimeOffset offset => offset.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
