using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

/// <summary>
/// What an expression would destroy, to be measured before it runs: every row of a table, the
/// non-null values of a column, or the rows matching <see cref="Where"/>.
/// </summary>
public sealed record DataLossProbe(string? SchemaName, string TableName, string What)
{
    public string? ColumnName { get; init; }

    /// <summary>For a type change: the new type. Only values a lossy conversion would alter are counted.</summary>
    public ColumnType? NewType { get; init; }

    /// <summary>Rows matching these conditions (ANDed equality); null with <see cref="ColumnName"/> null means every row.</summary>
    public IReadOnlyList<ColumnValue>? Where { get; init; }
}
