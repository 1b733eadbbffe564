using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

/// <summary>Adds a column to an existing table.</summary>
public sealed record CreateColumnExpression(string? SchemaName, string TableName, ColumnDefinition Column) : MigrationExpression
{
    public override IEnumerable<string> Validate() =>
        Required(TableName, "table name").Concat(ColumnRules.Validate(TableName, Column, requireType: true));

    public override MigrationExpression Reverse() => new DeleteColumnExpression(SchemaName, TableName, [Column.Name]);

    public override string Describe() => $"add column \"{Column.Name}\" to {Qualified(SchemaName, TableName)}";
}
