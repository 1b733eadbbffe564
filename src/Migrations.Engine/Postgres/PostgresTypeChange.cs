using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using FluentMigrator.Expressions;

namespace Migrations.Engine.Postgres;

/// <summary>
/// For the data-loss guard: which PostgreSQL type changes alter values without an error. A
/// smaller numeric scale rounds, numbers become integers or reals by rounding, timestamps lose
/// their time, time zone or fractional digits. Every other change either keeps each value or fails
/// on the first one that does not fit (FluentMigrator's ALTER ... TYPE has no USING cast, so a
/// shorter varchar is refused rather than cut), and the migration then rolls back, losing nothing.
/// Of a lossy change, only the values it would alter count (<see cref="ChangedValues(string, string, string)"/>):
/// a number with a fraction going to an integer, one with more than 6 (real) or 15 (double precision)
/// significant digits, as PostgreSQL casts a float back to numeric; a timestamp not at midnight going to
/// a date. A timestamptz becomes its wall-clock time in the session's TimeZone, so it counts only when
/// that time reads back as another instant (the hour repeated when clocks go back): none under UTC.
/// </summary>
public static partial class PostgresTypeChange
{
    private const string CurrentTypeSql =
        "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a " +
        "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
        "WHERE n.nspname = @schema AND c.relname = @table AND a.attname = @column AND a.attnum > 0 AND NOT a.attisdropped";

    /// <summary>
    /// The SQL condition, on the column's table, true for each value the type change
    /// <paramref name="expression"/> asks for would silently alter, the new type written and the
    /// column quoted as <paramref name="generator"/> writes them; the current type is read from
    /// pg_catalog on <paramref name="connection"/>. Null when the change alters no value (or the
    /// column does not exist yet, or the expression names no type).
    /// </summary>
    public static string? ChangedValues(DbConnection connection, AlterColumnExpression expression, PostgresGenerator generator)
    {
        var newType = generator.TypeSql(expression.Column);
        var current = CurrentType(connection, expression.SchemaName, expression.TableName, expression.Column.Name);
        return newType is null || current is null || !IsLossy(current, newType)
            ? null
            : ChangedValues(generator.Quoter.QuoteColumnName(expression.Column.Name), current, newType);
    }

    /// <summary>
    /// For a lossy change (<see cref="IsLossy"/>): a value changes when PostgreSQL's cast to the new
    /// type and back to the old one does not give it back. Back to the old type without its size,
    /// so the way back never overflows (rounding to the old scale could not hide a change anyway).
    /// A timestamp to <c>time</c> loses its date whatever it holds.
    /// </summary>
    public static string ChangedValues(string quotedColumn, string currentType, string newType)
    {
        var (from, _) = Parse(currentType);
        var (to, _) = Parse(newType);
        return to == "time" && from != "time"
            ? $"{quotedColumn} IS NOT NULL"
            : $"{quotedColumn} IS NOT NULL AND CAST(CAST({quotedColumn} AS {newType}) AS {Unsized(from)}) <> {quotedColumn}";
    }

    /// <summary>The column's type as PostgreSQL prints it (<c>format_type</c>), or null when there is no such column.</summary>
    public static string? CurrentType(DbConnection connection, string? schema, string table, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = CurrentTypeSql;
        AddParameter(command, "schema", string.IsNullOrEmpty(schema) ? "public" : schema);
        AddParameter(command, "table", table);
        AddParameter(command, "column", column);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Whether changing <paramref name="currentType"/> (as format_type prints it) to <paramref name="newType"/> (as written in DDL) silently alters values.</summary>
    public static bool IsLossy(string currentType, string newType)
    {
        var (from, fromArgs) = Parse(currentType);
        var (to, toArgs) = Parse(newType);
        return (from, to) switch
        {
            ("numeric", "numeric") => Scale(toArgs) < Scale(fromArgs),
            ("numeric" or "real" or "double precision", "smallint" or "integer" or "bigint") => true,
            ("numeric" or "double precision", "real") => true,
            ("numeric", "double precision") => true,
            ("timestamptz" or "timestamp", "date" or "time") => true,
            ("timestamptz", "timestamp") => true,
            ("timestamptz" or "timestamp", "timestamptz" or "timestamp") => Fraction(toArgs) < Fraction(fromArgs),
            ("time", "time") => Fraction(toArgs) < Fraction(fromArgs),
            _ => false,
        };
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static (string Name, int[] Args) Parse(string type)
    {
        var text = type.Trim().ToLowerInvariant();

        // format_type writes a timestamp's precision before its zone: "timestamp(3) with time zone".
        var zoned = ZonedTime().Match(text);
        if (zoned.Success)
        {
            text = $"{zoned.Groups[1].Value} {zoned.Groups[3].Value}{zoned.Groups[2].Value}";
        }

        var match = TypeName().Match(text);
        var name = match.Groups[1].Value.Trim() switch
        {
            "decimal" => "numeric",
            "int" or "int4" => "integer",
            "int8" => "bigint",
            "int2" => "smallint",
            "float8" or "float" => "double precision",
            "float4" => "real",
            "timestamp with time zone" => "timestamptz",
            "timestamp without time zone" => "timestamp",
            "time without time zone" => "time",
            var other => other,
        };
        var args = match.Groups[2].Success
            ? match.Groups[2].Value.Split(',').Select(a => int.Parse(a.Trim(), CultureInfo.InvariantCulture)).ToArray()
            : [];
        return (name, args);
    }

    // A fixed spelling of the old type, not the catalog's text pasted back.
    private static string Unsized(string name) => name switch
    {
        "numeric" => "numeric",
        "real" => "real",
        "double precision" => "double precision",
        "timestamptz" => "timestamp with time zone",
        "timestamp" => "timestamp without time zone",
        "time" => "time without time zone",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a type whose change PostgresTypeChange counts"),
    };

    // numeric without a scale keeps any scale.
    private static int Scale(int[] args) => args.Length == 0 ? int.MaxValue : args.Length == 1 ? 0 : args[1];

    // A timestamp or time without a precision keeps microseconds.
    private static int Fraction(int[] args) => args.Length == 0 ? 6 : args[0];

    // Digits may be part of a name: FluentMigrator's type map writes float4, float8, int2.
    [GeneratedRegex(@"^([a-z][a-z0-9 ]*?)\s*(?:\(([\d,\s]+)\))?$")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"^(timestamp|time)(\(\d+\))\s+(with(?:out)? time zone)$")]
    private static partial Regex ZonedTime();
}
