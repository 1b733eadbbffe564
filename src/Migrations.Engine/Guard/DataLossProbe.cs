using FluentMigrator.Expressions;
using FluentMigrator.Model;

namespace Migrations.Engine.Guard;

/// <summary>
/// Something a step would destroy, before it is measured: a whole table (<see cref="DropsTable"/>),
/// every row of it, the rows matching <see cref="Rows"/>, one column's non-null values, or the
/// values a type change (<see cref="TypeChange"/>) would alter. Data only: the guard writes the SQL.
/// </summary>
public sealed record DataLossProbe(string? SchemaName, string TableName, string What)
{
    /// <summary>The table itself goes, so what else the same migration destroys in it is already counted here.</summary>
    public bool DropsTable { get; init; }

    /// <summary>Non-null values of this column; null counts rows.</summary>
    public string? ColumnName { get; init; }

    /// <summary>Rows matching any of these (each an AND of equalities); null counts every row.</summary>
    public IReadOnlyList<DeletionDataDefinition>? Rows { get; init; }

    /// <summary>A type change of <see cref="ColumnName"/>: a loss only where the provider would alter values.</summary>
    public AlterColumnExpression? TypeChange { get; init; }
}
