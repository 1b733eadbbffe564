using System.Globalization;
using Migrations.Engine.Model;

namespace Migrations.Engine.Dialects;

/// <summary>
/// The one place identifiers and literal values are turned into SQL text. Dialects override
/// only the literals that differ (booleans, bytes, system methods).
/// </summary>
public abstract class SqlQuoter
{
    public string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A table, index or type name, qualified with its schema where the dialect has schemas.</summary>
    public abstract string QuoteQualified(string? schema, string name);

    public string QuoteString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public string QuoteValue(object? value) => value switch
    {
        null => "NULL",
        RawSql raw => raw.Value,
        SystemMethods method => FormatSystemMethod(method),
        string text => QuoteString(text),
        char c => QuoteString(c.ToString()),
        bool flag => FormatBoolean(flag),
        Guid guid => QuoteString(guid.ToString("D")),
        DateTime dateTime => QuoteString(dateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        DateTimeOffset offset => QuoteString(offset.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        DateOnly date => QuoteString(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly time => QuoteString(time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        byte[] bytes => FormatBytes(bytes),
        Enum enumValue => QuoteString(enumValue.ToString()),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"A value of type {value.GetType().Name} cannot be written as SQL."),
    };

    public string QuoteDefault(ColumnDefault columnDefault) => QuoteValue(columnDefault.Value);

    protected abstract string FormatBoolean(bool value);

    protected abstract string FormatBytes(byte[] value);

    protected abstract string FormatSystemMethod(SystemMethods method);
}
