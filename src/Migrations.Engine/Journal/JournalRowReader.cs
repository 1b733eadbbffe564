using System.Data.Common;
using System.Globalization;

namespace Migrations.Engine.Journal;

/// <summary>
/// Turns one journal row (its columns in <see cref="JournalLayout.AllColumns"/> order) into a
/// <see cref="JournalEntry"/>, accepting what another tool may have written (a number as text, a
/// time in any of SQLite's date formats) and naming the row, the column and the value when a
/// value means nothing: on SQLite a column holds whatever was put in it.
/// </summary>
public sealed class JournalRowReader(string? database, string journal)
{
    private const int ShownLength = 40;

    // SQLite's julianday() counts days from noon on 24 November 4714 BC; the Unix epoch is day 2440587.5.
    private const double UnixEpochJulianDay = 2440587.5;

    public JournalEntry Read(DbDataReader reader, int row)
    {
        var version = Version(Raw(reader, 0, row, null), row);
        return new JournalEntry(version, Time(Raw(reader, 1, row, version), row, version), Text(Raw(reader, 2, row, version), row, version, "Description"))
        {
            Checksum = Text(Raw(reader, 3, row, version), row, version, "Checksum")?.Trim() is { Length: > 0 } checksum ? checksum : null,
            DurationMs = Number(Raw(reader, 4, row, version), row, version, "DurationMs"),
            AppliedBy = Text(Raw(reader, 5, row, version), row, version, "AppliedBy"),
            Environment = Text(Raw(reader, 6, row, version), row, version, "Environment"),
            Tags = Text(Raw(reader, 7, row, version), row, version, "Tags"),
            Baseline = Text(Raw(reader, 8, row, version), row, version, "Baseline"),
        };
    }

    /// <summary>The error for a version recorded by more than one row (<paramref name="rows"/>, numbered as in every other message).</summary>
    public JournalDamagedException Duplicate(long version, IReadOnlyList<int> rows) =>
        new($"{Prefix}journal rows {List(rows)} of {journal} {(rows.Count == 2 ? "both" : "all")} record version {version}; keep one of them and delete the others");

    private object? Raw(DbDataReader reader, int ordinal, int row, long? version)
    {
        try
        {
            return reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal);
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException or NotSupportedException or ArgumentException)
        {
            throw Damaged(row, version, reader.GetName(ordinal), $"a value that cannot be read ({ex.Message})");
        }
    }

    private long Version(object? value, int row) =>
        value is null ? throw Damaged(row, null, "Version", "NULL, not a number")
            : WholeNumber(value) ?? throw Damaged(row, null, "Version", Describe(value, "a number"));

    private long? Number(object? value, int row, long version, string column) =>
        value is null ? null : WholeNumber(value) ?? throw Damaged(row, version, column, Describe(value, "a number"));

    private string? Text(object? value, int row, long version, string column) => value switch
    {
        null => null,
        string text => text,
        byte[] => throw Damaged(row, version, column, "binary data, not text"),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw Damaged(row, version, column, $"a {value.GetType().Name} value, not text"),
    };

    private DateTime? Time(object? value, int row, long version) => value switch
    {
        null => null,
        DateTime time => time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime(),
        DateTimeOffset offset => offset.UtcDateTime,
        string text when DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) => time,
        long seconds when seconds is >= -62135596800 and <= 253402300799 => DateTime.UnixEpoch.AddSeconds(seconds),
        double days when days is >= 1721425.5 and < 5373484.5 => DateTime.UnixEpoch.AddDays(days - UnixEpochJulianDay),
        _ => throw Damaged(row, version, "AppliedOn", Describe(value, "a date and time")),
    };

    private static long? WholeNumber(object value) => value switch
    {
        long number => number,
        int number => number,
        short number => number,
        byte number => number,
        decimal number when number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue => (long)number,
        double number when number == Math.Truncate(number) && number is >= -9.2e18 and <= 9.2e18 => (long)number,
        float number when number == MathF.Truncate(number) && number is >= -9.2e18f and <= 9.2e18f => (long)number,
        string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static string Describe(object value, string expected) => value switch
    {
        string text => $"'{Shown(text)}', not {expected}",
        byte[] => $"binary data, not {expected}",
        double or float or decimal when expected == "a number" => $"{((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)}, not a whole number",
        IFormattable other => $"{other.ToString(null, CultureInfo.InvariantCulture)}, not {expected}",
        _ => $"a {value.GetType().Name} value, not {expected}",
    };

    // A value is shown on the one error line: control characters become spaces, and a long value is cut.
    private static string Shown(string text)
    {
        var oneLine = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return oneLine.Length <= ShownLength ? oneLine : oneLine[..ShownLength] + "...";
    }

    private static string List(IReadOnlyList<int> rows) =>
        rows.Count == 1 ? rows[0].ToString(CultureInfo.InvariantCulture)
            : string.Join(", ", rows.Take(rows.Count - 1)) + " and " + rows[^1].ToString(CultureInfo.InvariantCulture);

    private string Prefix => database is null ? "" : database + ": ";

    private JournalDamagedException Damaged(int row, long? version, string column, string what) =>
        new($"{Prefix}journal row {row}{(version is null ? "" : $" (version {version})")} of {journal} has {column} {what}; fix or delete that row");
}
