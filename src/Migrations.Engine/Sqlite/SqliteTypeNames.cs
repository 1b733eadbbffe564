namespace Migrations.Engine.Sqlite;

/// <summary>
/// Maps the PostgreSQL type names migrations pass to <c>AsCustom</c> onto SQLite storage classes,
/// so one migration serves both providers. Unknown names are kept verbatim (SQLite accepts any).
/// </summary>
public static class SqliteTypeNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = "TEXT",
        ["jsonb"] = "TEXT",
        ["uuid"] = "TEXT",
        ["citext"] = "TEXT",
        ["inet"] = "TEXT",
        ["text"] = "TEXT",
        ["timestamptz"] = "TEXT",
        ["timestamp"] = "TEXT",
        ["timestamp with time zone"] = "TEXT",
        ["timestamp without time zone"] = "TEXT",
        ["date"] = "TEXT",
        ["interval"] = "TEXT",
        ["bigint"] = "INTEGER",
        ["integer"] = "INTEGER",
        ["int"] = "INTEGER",
        ["smallint"] = "INTEGER",
        ["boolean"] = "INTEGER",
        ["bytea"] = "BLOB",
        ["double precision"] = "REAL",
        ["real"] = "REAL",
        ["numeric"] = "NUMERIC",
        ["money"] = "NUMERIC",
    };

    public static string FromCustom(string customType)
    {
        var name = customType.Trim();
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            return "TEXT"; // arrays are stored as JSON text
        }

        var bare = name.Split('(')[0].Trim();
        if (Known.TryGetValue(bare, out var mapped))
        {
            return mapped;
        }

        return bare.StartsWith("varchar", StringComparison.OrdinalIgnoreCase) || bare.StartsWith("character", StringComparison.OrdinalIgnoreCase)
            ? "TEXT"
            : bare.StartsWith("numeric", StringComparison.OrdinalIgnoreCase) || bare.StartsWith("decimal", StringComparison.OrdinalIgnoreCase)
                ? "NUMERIC"
                : name;
    }
}
