namespace Migrations.Engine.Sqlite;

/// <summary>
/// A table rebuild that cannot be planned: names the table and the reason (a missing column, a
/// duplicate constraint...). Not a MigrationException: the runner wraps it, naming the migration.
/// </summary>
public sealed class SqliteRebuildException(string table, string why)
    : InvalidOperationException($"SQLite cannot rebuild table \"{table}\": {why}")
{
    public string Table { get; } = table;
}
