namespace Migrations.Workspace;

/// <summary>
/// SQL fragments the workspace migrations share, written once so a CHECK created in one batch and
/// recreated by a later batch's Down() is the exact same text (SQLite compares by text).
/// </summary>
internal static class Sql
{
    /// <summary>The enum-like value list of a TEXT column: <c>status IN ('a', 'b')</c>, valid on both providers.</summary>
    public static string In(string column, params string[] values) =>
        $"{column} IN ({string.Join(", ", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"))})";
}
