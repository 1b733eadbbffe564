using FluentMigrator.Expressions;

namespace Migrations.Engine.Guard;

/// <summary>
/// What each of FluentMigrator's destructive expressions would destroy, as probes to measure. Drops
/// and type changes read as the old engine said them (<c>delete table "note"</c>), raw SQL (a
/// statement, a script file, an embedded script) as its statement does (<c>drop table archive</c>).
/// </summary>
public static class DataLossProbes
{
    public static IEnumerable<DataLossProbe> Of(IMigrationExpression expression) => expression switch
    {
        DeleteTableExpression table => [new(table.SchemaName, table.TableName, $"delete table {Named(table.SchemaName, table.TableName)}") { DropsTable = true }],
        DeleteColumnExpression column => column.ColumnNames.Select(name =>
            new DataLossProbe(column.SchemaName, column.TableName, $"delete column {Named(column.SchemaName, column.TableName)}.\"{name}\"") { ColumnName = name }),
        DeleteDataExpression { IsAllRows: true } delete => [new(delete.SchemaName, delete.TableName, $"delete every row of {delete.TableName}")],
        DeleteDataExpression delete => [new(delete.SchemaName, delete.TableName, $"delete rows of {delete.TableName}") { Rows = delete.Rows }],
        AlterColumnExpression alter => [new(alter.SchemaName, alter.TableName, $"change the type of {Named(alter.SchemaName, alter.TableName)}.\"{alter.Column.Name}\"")
        {
            ColumnName = alter.Column.Name,
            TypeChange = alter,
        }],
        // Execute.Sql, Execute.Script and Execute.EmbeddedScript, read as FluentMigrator would execute them.
        ExecuteSqlScriptExpressionBase sql => SqlDataLossScanner.Scan(ExecutedSql.Of(sql)),
        _ => [],
    };

    // For people, not for SQL: the guard quotes names through the provider's quoter.
    private static string Named(string? schema, string table) => string.IsNullOrEmpty(schema) ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";
}
