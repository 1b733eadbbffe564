using Migrations.Testing;

namespace Migrations.Filetrack.Tests.Support;

/// <summary>Reads indexes and foreign keys back from the live catalog of either provider.</summary>
internal static class Introspection
{
    public sealed record IndexInfo(string Table, bool Unique, IReadOnlyList<string> Columns);

    public sealed record ForeignKeyInfo(string Table, string Column, string References, string OnDelete);

    public static IndexInfo? Index(TestDatabase db, string name)
    {
        if (db.Provider == Provider.Postgres)
        {
            var row = db.Query($"""
                SELECT t.relname, ix.indisunique,
                       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
                FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
                JOIN pg_namespace n ON n.oid = i.relnamespace
                WHERE n.nspname = 'public' AND i.relname = '{name}'
                """).SingleOrDefault();
            return row is null ? null : new IndexInfo((string)row[0]!, (bool)row[1]!, ((string)row[2]!).Split(','));
        }

        var table = db.Scalar($"SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = '{name}'") as string;
        if (table is null)
        {
            return null;
        }

        var unique = db.Count($"SELECT \"unique\" FROM pragma_index_list('{table}') WHERE name = '{name}'") == 1;
        var columns = db.Query($"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno").Select(r => (string)r[0]!).ToArray();
        return new IndexInfo(table, unique, columns);
    }

    public static IReadOnlyList<ForeignKeyInfo> ForeignKeys(TestDatabase db)
    {
        if (db.Provider == Provider.Postgres)
        {
            return db.Query("""
                SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text,
                       CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END
                FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE c.contype = 'f' AND n.nspname = 'public'
                """).Select(r => new ForeignKeyInfo(Unquote((string)r[0]!), (string)r[1]!, Unquote((string)r[2]!), (string)r[3]!)).ToArray();
        }

        return SchemaSnapshot.Tables(db)
            .SelectMany(table => db.Query($"SELECT \"from\", \"table\", on_delete FROM pragma_foreign_key_list('{table}')")
                .Select(r => new ForeignKeyInfo(table, (string)r[0]!, (string)r[1]!, (string)r[2]!)))
            .ToArray();
    }

    private static string Unquote(string name) => name.Trim('"');
}
