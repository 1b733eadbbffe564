namespace Migrations.Engine.Expressions;

/// <summary>
/// Many rows streamed into one table: binary COPY on PostgreSQL, one prepared INSERT in the
/// migration's transaction on SQLite. <see cref="Rows"/> is enumerated once, while the rows are
/// written, so volume seeding never holds its rows in memory.
/// </summary>
public sealed record BulkInsertExpression(string? SchemaName, string TableName, IReadOnlyList<string> Columns, Func<IEnumerable<object?[]>> Rows) : MigrationExpression
{
    public override IEnumerable<string> Validate() =>
        Required(TableName, "table name").Concat(RequiredList(Columns, $"columns of the bulk insert into \"{TableName}\""));

    public override string Describe() => $"bulk insert into {Qualified(SchemaName, TableName)}";
}
