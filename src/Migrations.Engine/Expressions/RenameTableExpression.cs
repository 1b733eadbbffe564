namespace Migrations.Engine.Expressions;

public sealed record RenameTableExpression(string? SchemaName, string OldName, string NewName) : MigrationExpression
{
    public override IEnumerable<string> Validate() => Required(OldName, "table name").Concat(Required(NewName, "new table name"));

    public override MigrationExpression Reverse() => new RenameTableExpression(SchemaName, NewName, OldName);

    public override string Describe() => $"rename table {Qualified(SchemaName, OldName)} to \"{NewName}\"";
}
