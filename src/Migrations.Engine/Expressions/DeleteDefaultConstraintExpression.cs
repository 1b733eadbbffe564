namespace Migrations.Engine.Expressions;

/// <summary>Removes a column's default.</summary>
public sealed record DeleteDefaultConstraintExpression(string? SchemaName, string TableName, string ColumnName) : MigrationExpression
{
    public override IEnumerable<string> Validate() => Required(TableName, "table name").Concat(Required(ColumnName, "column name"));

    public override string Describe() => $"delete default of \"{ColumnName}\" on {Qualified(SchemaName, TableName)}";
}
