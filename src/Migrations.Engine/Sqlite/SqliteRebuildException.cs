namespace Migrations.Engine.Sqlite;

/// <summary>A table rebuild that cannot be planned: names the table and the reason (a missing column, a duplicate constraint...).</summary>
public sealed class SqliteRebuildException(string table, string why)
    : MigrationException($"SQLite cannot rebuild table \"{table}\": {why}")
{
    public string Table { get; } = table;
}
