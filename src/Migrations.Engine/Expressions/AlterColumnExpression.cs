using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

/// <summary>
/// Changes a column to the given definition. The type is required (as in FluentMigrator);
/// nullability, default and the column's CHECK change only when stated (a stated CHECK replaces the old one).
/// </summary>
public sealed record AlterColumnExpression(string? SchemaName, string TableName, ColumnDefinition Column) : MigrationExpression
{
    public override IEnumerable<string> Validate() =>
        Required(TableName, "table name").Concat(ColumnRules.Validate(TableName, Column, requireType: true));

    public override IEnumerable<DataLossProbe> DataLoss() =>
        [new(SchemaName, TableName, $"change the type of \"{TableName}\".\"{Column.Name}\"") { ColumnName = Column.Name, NewType = Column.Type }];

    public override string Describe() => $"alter column \"{Column.Name}\" of {Qualified(SchemaName, TableName)}";
}
