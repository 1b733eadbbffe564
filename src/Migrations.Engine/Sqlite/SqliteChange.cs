namespace Migrations.Engine.Sqlite;

/// <summary>The statements one expression needs on SQLite, and the table they rebuild (null when SQLite changes it in place).</summary>
public sealed record SqliteChange(IReadOnlyList<string> Statements, string? RebuiltTable)
{
    public static SqliteChange None { get; } = new([], null);

    public bool Rebuilds => RebuiltTable is not null;
}
