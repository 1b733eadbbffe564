namespace Migrations.Engine.Schema;

/// <summary>
/// One object of a database's schema as drift and baseline compare it: its kind (table, column,
/// index, foreign key, ...), its qualified name, and its definition normalised by the database
/// itself (PostgreSQL's catalog functions, SQLite's pragmas), so two databases built by different
/// tools compare equal when they mean the same thing.
/// </summary>
public sealed record SchemaObject(string Kind, string Name, string Definition)
{
    /// <summary>What identifies the object across two schemas.</summary>
    public string Key => Kind + " " + Name;
}
