using System.Globalization;
using System.Text.RegularExpressions;

namespace Migrations.Testing;

/// <summary>
/// Everything a schema holds, introspected and written as sorted lines, so two states of a
/// database can be compared exactly: tables, columns (type, nullability, default, identity),
/// constraints, indexes, enums, views, functions, triggers, policies and sequences. The journal
/// is left out.
/// </summary>
public static partial class SchemaSnapshot
{
    public static IReadOnlyList<string> Take(TestDatabase database) =>
        database.Provider == Provider.Postgres ? Postgres(database) : Sqlite(database);

    /// <summary>The user tables, sorted (without the journal).</summary>
    public static IReadOnlyList<string> Tables(TestDatabase database) =>
        (database.Provider == Provider.Postgres
            ? database.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
            : database.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('VersionInfo', 'sqlite_sequence') AND name NOT LIKE 'sqlite_%'"))
        .Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToArray();

    private const string UserSchemas = "NOT IN ('pg_catalog', 'information_schema', 'migrations') AND {0} NOT LIKE 'pg_toast%' AND {0} NOT LIKE 'pg_temp%'";

    private static IReadOnlyList<string> Postgres(TestDatabase db)
    {
        string In(string column) => column + " " + string.Format(CultureInfo.InvariantCulture, UserSchemas, column);
        var lines = new List<string>();
        lines.AddRange(Lines(db, "schema", $"SELECT nspname FROM pg_namespace WHERE {In("nspname")} AND nspname <> 'public'"));
        lines.AddRange(Lines(db, "table", $"SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE {In("table_schema")}"));
        lines.AddRange(Lines(db, "column", $"""
            SELECT table_schema, table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable, column_default, is_identity, identity_generation, is_generated, generation_expression
            FROM information_schema.columns WHERE {In("table_schema")}
            """));
        lines.AddRange(Lines(db, "constraint", $"""
            SELECT n.nspname, c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE {In("n.nspname")}
            """));
        lines.AddRange(Lines(db, "index", $"SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE {In("schemaname")}"));
        lines.AddRange(Lines(db, "enum", $"""
            SELECT n.nspname, t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE {In("n.nspname")} GROUP BY n.nspname, t.typname
            """));
        lines.AddRange(Lines(db, "view", $"SELECT table_schema, table_name, view_definition FROM information_schema.views WHERE {In("table_schema")}"));
        lines.AddRange(Lines(db, "matview", $"SELECT schemaname, matviewname, definition FROM pg_matviews WHERE {In("schemaname")}"));
        lines.AddRange(Lines(db, "function", $"""
            SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), md5(p.prosrc)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE {In("n.nspname")}
            """));
        lines.AddRange(Lines(db, "trigger", $"SELECT trigger_schema, event_object_table, trigger_name, event_manipulation, action_statement FROM information_schema.triggers WHERE {In("trigger_schema")}"));
        lines.AddRange(Lines(db, "policy", $"SELECT schemaname, tablename, policyname, permissive, roles::text, cmd, qual, with_check FROM pg_policies WHERE {In("schemaname")}"));
        lines.AddRange(Lines(db, "rls", $"""
            SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND c.relrowsecurity AND {In("n.nspname")}
            """));
        lines.AddRange(Lines(db, "sequence", $"SELECT sequence_schema, sequence_name, increment, minimum_value, maximum_value, start_value FROM information_schema.sequences WHERE {In("sequence_schema")}"));
        lines.AddRange(Lines(db, "comment", $"""
            SELECT n.nspname, c.relname, d.objsubid, d.description FROM pg_description d
            JOIN pg_class c ON c.oid = d.objoid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {In("n.nspname")}
            """));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static IReadOnlyList<string> Sqlite(TestDatabase db)
    {
        var lines = new List<string>();
        var objects = db.Query("""
            SELECT type, name, tbl_name, sql FROM sqlite_master
            WHERE name NOT IN ('VersionInfo', 'UC_Version', 'sqlite_sequence') AND name NOT LIKE 'sqlite_autoindex%'
            """);
        foreach (var row in objects)
        {
            lines.Add($"{row[0]}|{row[1]}|{row[2]}|{Normalize(row[3] as string)}");
        }

        foreach (var table in objects.Where(r => (string)r[0]! == "table").Select(r => (string)r[1]!))
        {
            var quoted = table.Replace("'", "''", StringComparison.Ordinal);
            lines.AddRange(Lines(db, $"column|{table}", $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{quoted}')"));
            lines.AddRange(Lines(db, $"fk|{table}", $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{quoted}')"));
            lines.AddRange(Lines(db, $"index|{table}", $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{quoted}') WHERE name NOT LIKE 'sqlite_autoindex%'"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static IEnumerable<string> Lines(TestDatabase db, string kind, string sql) =>
        db.Query(sql).Select(row => kind + "|" + string.Join("|", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "<null>")));

    private static string Normalize(string? sql) => sql is null ? "<null>" : Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
