using System.Globalization;
using System.Text.RegularExpressions;

namespace Migrations.Engine.Dialects.Postgres;

/// <summary>
/// Which PostgreSQL type changes alter values without an error: a smaller numeric scale rounds,
/// numbers become integers or reals by rounding, timestamps lose their time or time zone. Every
/// other change either keeps each value or fails on the first one that does not fit (and the
/// migration then rolls back), so it loses nothing.
/// </summary>
public static partial class PostgresTypeChange
{
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
            _ => false,
        };
    }

    private static (string Name, int[] Args) Parse(string type)
    {
        var match = TypeName().Match(type.Trim().ToLowerInvariant());
        var name = match.Groups[1].Value.Trim() switch
        {
            "decimal" => "numeric",
            "int" or "int4" => "integer",
            "int8" => "bigint",
            "int2" => "smallint",
            "float8" => "double precision",
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

    [GeneratedRegex(@"^([a-z ]+?)\s*(?:\(([\d,\s]+)\))?$")]
    private static partial Regex TypeName();
}
