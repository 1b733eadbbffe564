namespace Migrations.Engine.Expressions;

public sealed record CreateSchemaExpression(string SchemaName) : MigrationExpression
{
    public override IEnumerable<string> Validate() => Required(SchemaName, "schema name");

    public override MigrationExpression Reverse() => new DeleteSchemaExpression(SchemaName);

    public override string Describe() => $"create schema \"{SchemaName}\"";
}
