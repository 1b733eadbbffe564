namespace Migrations.Engine.Guard;

/// <summary>
/// Something a step would destroy, before it is measured: a whole table, one column's values,
/// or the rows a delete matches (<see cref="Where"/>, SQL over the table; null means every row).
/// </summary>
public sealed record DataLossProbe(string? SchemaName, string TableName, string What)
{
    public string? ColumnName { get; init; }

    public string? Where { get; init; }
}
