namespace Migrations.Engine.Authoring;

/// <summary>
/// Rows streamed into one table: binary COPY on PostgreSQL, one prepared INSERT on SQLite. The
/// factory is called when the expression runs, so millions of rows never sit in memory.
/// </summary>
public sealed record BulkRows(IReadOnlyList<string> Columns, Func<IEnumerable<object?[]>> Rows);
