using System.Globalization;

namespace Migrations.Testing;

/// <summary>
/// The journal table as sorted lines (its columns, its indexes, every row with each value's type),
/// so a test can show that a command left it exactly as it was.
/// </summary>
public static class JournalSnapshot
{
    /// <param name="schema">On PostgreSQL, the journal's schema: <c>migrations</c> (ours) or <c>public</c> (FluentMigrator's default).</param>
    public static IReadOnlyList<string> Take(TestDatabase database, string schema = "migrations")
    {
        var lines = new List<string>();
        if (database.Provider == Provider.Postgres)
        {
            var literal = "'" + schema.Replace("'", "''", StringComparison.Ordinal) + "'";
            lines.AddRange(Lines(database, "column", $"SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = {literal} AND table_name = 'VersionInfo'"));
            lines.AddRange(Lines(database, "index", $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = {literal} AND tablename = 'VersionInfo'"));
            lines.AddRange(Rows(database, $"{TestDatabase.Q(schema)}.\"VersionInfo\""));
        }
        else
        {
            lines.AddRange(Lines(database, "column", "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('VersionInfo')"));
            lines.AddRange(Lines(database, "index", "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'VersionInfo'"));
            lines.AddRange(Rows(database, "\"VersionInfo\""));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The journal's column names, in table order.</summary>
    public static IReadOnlyList<string> Columns(TestDatabase database, string schema = "migrations") =>
        (database.Provider == Provider.Postgres
            ? database.Query($"SELECT column_name FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = 'VersionInfo' ORDER BY ordinal_position")
            : database.Query("SELECT name FROM pragma_table_info('VersionInfo') ORDER BY cid"))
        .Select(r => (string)r[0]!).ToArray();

    private static IEnumerable<string> Rows(TestDatabase database, string table) =>
        database.Query($"SELECT * FROM {table}").Select(row => "row|" + string.Join("|", row.Select(Show)));

    private static IEnumerable<string> Lines(TestDatabase database, string kind, string sql) =>
        database.Query(sql).Select(row => kind + "|" + string.Join("|", row.Select(Show)));

    private static string Show(object? value) => value is null ? "<null>" : $"{value.GetType().Name}:{Convert.ToString(value, CultureInfo.InvariantCulture)}";
}
