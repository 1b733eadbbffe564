using Migrations.Testing;

namespace Migrations.Workspace.Tests;

/// <summary>What the database itself reports: index names, foreign keys with their ON DELETE rule, columns.</summary>
public static class Introspection
{
    public static IReadOnlyList<string> Indexes(TestDatabase db) =>
        (db.Provider == Provider.Postgres
            ? db.Query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
            : db.Query("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'"))
        .Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToArray();

    public static bool IsUniqueIndex(TestDatabase db, string table, string index) =>
        db.Provider == Provider.Postgres
            ? db.Count($"SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename = '{table}' AND indexname = '{index}' AND indexdef LIKE 'CREATE UNIQUE INDEX%'") == 1
            : db.Count($"SELECT count(*) FROM pragma_index_list('{table}') WHERE name = '{index}' AND \"unique\" = 1") == 1;

    /// <summary>"column -> table(column) ON DELETE rule" for each foreign key of the table.</summary>
    public static IReadOnlyList<string> ForeignKeys(TestDatabase db, string table)
    {
        var rows = db.Provider == Provider.Postgres
            ? db.Query($"""
                SELECT a.attname, p.relname, pa.attname,
                       CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END
                FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                JOIN pg_class p ON p.oid = c.confrelid
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
                WHERE c.contype = 'f' AND n.nspname = 'public' AND t.relname = '{table}'
                """)
            : db.Query($"SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')");
        return rows.Select(r => $"{r[0]} -> {r[1]}({r[2]}) ON DELETE {r[3]}").Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The names of the foreign key constraints of a table (SQLite keeps them only in the table's SQL).</summary>
    public static bool HasNamedConstraint(TestDatabase db, string table, string name) =>
        db.Provider == Provider.Postgres
            ? db.Count($"SELECT count(*) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname = '{table}' AND c.conname = '{name}'") == 1
            : db.Count($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}' AND sql LIKE '%CONSTRAINT \"{name}\"%'") == 1;

    public static IReadOnlyList<string> Columns(TestDatabase db, string table) =>
        (db.Provider == Provider.Postgres
            ? db.Query($"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position")
            : db.Query($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid"))
        .Select(r => (string)r[0]!).ToArray();
}
