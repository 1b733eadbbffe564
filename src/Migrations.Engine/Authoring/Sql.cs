using System.Globalization;

namespace Migrations.Engine.Authoring;

/// <summary>Small builders for the SQL of CHECK constraints, quoted the same way on both providers.</summary>
public static class Sql
{
    /// <summary>A double-quoted identifier (PostgreSQL and SQLite agree).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A single-quoted string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary><c>"column" IN ('a', 'b')</c>.</summary>
    public static string In(string column, params string[] values) =>
        $"{Quote(column)} IN ({string.Join(", ", values.Select(Literal))})";

    /// <summary><c>"column" BETWEEN low AND high</c>.</summary>
    public static string Between(string column, long low, long high) =>
        string.Create(CultureInfo.InvariantCulture, $"{Quote(column)} BETWEEN {low} AND {high}");
}
