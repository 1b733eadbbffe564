using System.Globalization;
using FluentMigrator;
using FluentMigrator.Runner.Generators.SQLite;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// FluentMigrator's SQLite quoter with the literals the old engine wrote, so values read back as
/// PostgreSQL keeps them: dates with their fraction of a second (FluentMigrator drops it), offsets,
/// <see cref="DateOnly"/>/<see cref="TimeOnly"/>, numbers in the invariant culture, and defaults for
/// GUIDs and offsets SQLite can compute. A schema names an attached database in SQLite, so table
/// and index names are written without one, as the old engine did (one migration serves both providers).
/// </summary>
public sealed class SqliteQuoter : SQLiteQuoter
{
    // The text Microsoft.Data.Sqlite writes for bound DateTime/DateTimeOffset parameters, so literals and parameters agree.
    internal const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    internal const string DateTimeOffsetFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    public override string QuoteValue(object value) => value switch
    {
        DateOnly date => FormatAnsiString(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly time => FormatAnsiString(time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        long or short or byte or sbyte or uint or ulong or ushort => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        _ => base.QuoteValue(value),
    };

    public override string FormatDateTime(DateTime value) =>
        FormatAnsiString(value.ToString(DateTimeFormat, CultureInfo.InvariantCulture).TrimEnd('.'));

    public override string FormatDateTimeOffset(DateTimeOffset value) =>
        FormatAnsiString(value.ToString(DateTimeOffsetFormat, CultureInfo.InvariantCulture));

    public override string FormatSystemMethods(SystemMethods value) => value switch
    {
        SystemMethods.NewGuid or SystemMethods.NewSequentialId =>
            "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || " +
            "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))",
        SystemMethods.CurrentDateTime => "(datetime('now', 'localtime'))",
        SystemMethods.CurrentUTCDateTime => "CURRENT_TIMESTAMP",
        SystemMethods.CurrentDateTimeOffset => "(strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'))",
        _ => throw new FluentMigrator.Exceptions.DatabaseOperationNotSupportedException(
            $"SQLite has no default for {value} (it has no users); wrap the step in IfDatabase(\"postgres\")"),
    };

    public override string QuoteTableName(string tableName, string? schemaName = null) => base.QuoteTableName(tableName, null);

    public override string QuoteIndexName(string indexName, string? schemaName) => base.QuoteIndexName(indexName, null);

    public override string QuoteSequenceName(string sequenceName, string? schemaName) => base.QuoteSequenceName(sequenceName, null);

    protected override string FormatByteArray(byte[] value) => $"X'{Convert.ToHexString(value)}'";
}
