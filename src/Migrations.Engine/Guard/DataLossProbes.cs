using System.Globalization;
using FluentMigrator.Expressions;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Guard;

/// <summary>What each of FluentMigrator's destructive expressions would destroy, as probes to measure.</summary>
public static class DataLossProbes
{
    public static IEnumerable<DataLossProbe> Of(IMigrationExpression expression) => expression switch
    {
        DeleteTableExpression table => [new(table.SchemaName, table.TableName, $"drop table {table.TableName}")],
        DeleteColumnExpression column => column.ColumnNames.Select(name =>
            new DataLossProbe(column.SchemaName, column.TableName, $"drop column {column.TableName}.{name}") { ColumnName = name }),
        DeleteDataExpression delete => delete.IsAllRows
            ? [new(delete.SchemaName, delete.TableName, $"delete every row of {delete.TableName}")]
            : delete.Rows.Select(row => new DataLossProbe(delete.SchemaName, delete.TableName, $"delete rows of {delete.TableName}")
            {
                Where = string.Join(" AND ", row.Select(pair => pair.Value is null
                    ? $"{Sql.Quote(pair.Key)} IS NULL"
                    : $"{Sql.Quote(pair.Key)} = {Literal(pair.Value)}")),
            }),
        _ => [],
    };

    // Values in a delete's WHERE come from the migration's own code; they are quoted, never pasted.
    private static string Literal(object value) => value switch
    {
        string s => Sql.Literal(s),
        bool b => b ? "1=1" : "1=0",
        Guid g => Sql.Literal(g.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Sql.Literal(value.ToString() ?? ""),
    };
}
