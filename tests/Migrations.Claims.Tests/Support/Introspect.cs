using System.Globalization;
using System.Text.RegularExpressions;
using Migrations.Testing;

namespace Migrations.Claims.Tests.Support;

/// <summary>A foreign key as the database reports it: name, column, referenced table and column, ON DELETE and ON UPDATE rules.</summary>
public sealed record ForeignKeyInfo(string Name, string Column, string PrimaryTable, string PrimaryColumn, string OnDelete, string OnUpdate);

/// <summary>What a user sees in the database's own catalog, asked the same way on both providers.</summary>
public static partial class Introspect
{
    /// <summary>Column name and whether it accepts NULL, in table order.</summary>
    public static IReadOnlyDictionary<string, bool> Columns(TestDatabase db, string table) =>
        (db.Provider == Provider.Postgres
            ? db.Query($"SELECT column_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position")
            : db.Query($"SELECT name, \"notnull\" = 0 FROM pragma_table_info('{table}') ORDER BY cid"))
        .ToDictionary(r => (string)r[0]!, r => Convert.ToBoolean(r[1], CultureInfo.InvariantCulture));

    /// <summary>The names of the table's indexes, and whether each is unique (primary keys left out).</summary>
    public static IReadOnlyDictionary<string, bool> Indexes(TestDatabase db, string table) =>
        (db.Provider == Provider.Postgres
            ? db.Query($"""
                SELECT i.relname, x.indisunique FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relname = '{table}' AND NOT x.indisprimary
                """)
            : db.Query($"SELECT name, \"unique\" = 1 FROM pragma_index_list('{table}') WHERE origin <> 'pk' AND name NOT LIKE 'sqlite_autoindex%'"))
        .ToDictionary(r => (string)r[0]!, r => Convert.ToBoolean(r[1], CultureInfo.InvariantCulture));

    /// <summary>The columns of one index, in order.</summary>
    public static IReadOnlyList<string> IndexColumns(TestDatabase db, string index) =>
        (db.Provider == Provider.Postgres
            ? db.Query($"""
                SELECT a.attname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, position)
                JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                WHERE i.relname = '{index}' ORDER BY k.position
                """)
            : db.Query($"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno"))
        .Select(r => (string)r[0]!).ToArray();

    public static IReadOnlyList<ForeignKeyInfo> ForeignKeys(TestDatabase db, string table)
    {
        if (db.Provider == Provider.Postgres)
        {
            return db.Query($"""
                SELECT c.conname, a.attname, p.relname, pa.attname, c.confdeltype::text, c.confupdtype::text
                FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                JOIN pg_class p ON p.oid = c.confrelid
                JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
                WHERE c.contype = 'f' AND n.nspname = 'public' AND t.relname = '{table}'
                """)
                .Select(r => new ForeignKeyInfo((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, PostgresRule((string)r[4]!), PostgresRule((string)r[5]!)))
                .OrderBy(fk => fk.Name, StringComparer.Ordinal).ToArray();
        }

        // SQLite reports no foreign key names: they are read from the CONSTRAINT clauses of the table's SQL.
        var sql = (string)db.Scalar($"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'")!;
        var names = ForeignKeyClause().Matches(sql).ToDictionary(m => m.Groups["column"].Value, m => m.Groups["name"].Value);
        return db.Query($"SELECT \"from\", \"table\", \"to\", on_delete, on_update FROM pragma_foreign_key_list('{table}')")
            .Select(r => new ForeignKeyInfo(names.GetValueOrDefault((string)r[0]!, "<unnamed>"), (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!))
            .OrderBy(fk => fk.Name, StringComparer.Ordinal).ToArray();
    }

    private static string PostgresRule(string code) => code switch
    {
        "c" => "CASCADE",
        "n" => "SET NULL",
        "r" => "RESTRICT",
        "d" => "SET DEFAULT",
        _ => "NO ACTION",
    };

    [GeneratedRegex("CONSTRAINT \"(?<name>[^\"]+)\" FOREIGN KEY \\(\"(?<column>[^\"]+)\"\\)")]
    private static partial Regex ForeignKeyClause();
}
