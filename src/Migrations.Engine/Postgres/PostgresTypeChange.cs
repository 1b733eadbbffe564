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
/// </summary>
public static partial class PostgresTypeChange
{
    private const string CurrentTypeSql =
        "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a " +
        "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
        "WHERE n.nspname = @schema AND c.relname = @table AND a.attname = @column AND a.attnum > 0 AND NOT a.attisdropped";

    /// <summary>
    /// Whether the column's current type (read from pg_catalog on <paramref name="connection"/>)
    /// changes lossily into the type <paramref name="expression"/> asks for, as <paramref name="generator"/>
    /// writes it. False when the column does not exist yet or the expression names no type.
    /// </summary>
    public static bool ConvertsLossily(DbConnection connection, AlterColumnExpression expression, PostgresGenerator generator)
    {
        var newType = generator.TypeSql(expression.Column);
        var current = CurrentType(connection, expression.SchemaName, expression.TableName, expression.Column.Name);
        return newType is not null && current is not null && IsLossy(current, newType);
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

    // numeric without a scale keeps any scale.
    private static int Scale(int[] args) => args.Length == 0 ? int.MaxValue : args.Length == 1 ? 0 : args[1];

    // A timestamp or time without a precision keeps microseconds.
    private static int Fraction(int[] args) => args.Length == 0 ? 6 : args[0];

    [GeneratedRegex(@"^([a-z ]+?)\s*(?:\(([\d,\s]+)\))?$")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"^(timestamp|time)(\(\d+\))\s+(with(?:out)? time zone)$")]
    private static partial Regex ZonedTime();
}
