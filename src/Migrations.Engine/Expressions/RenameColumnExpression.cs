namespace Migrations.Engine.Expressions;

public sealed record RenameColumnExpression(string? SchemaName, string TableName, string OldName, string NewName) : MigrationExpression
{
    public override IEnumerable<string> Validate() =>
        Required(TableName, "table name").Concat(Required(OldName, "column name")).Concat(Required(NewName, "new column name"));

    public override MigrationExpression Reverse() => new RenameColumnExpression(SchemaName, TableName, NewName, OldName);

    public override string Describe() => $"rename column \"{OldName}\" of {Qualified(SchemaName, TableName)} to \"{NewName}\"";
}
