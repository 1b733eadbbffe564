namespace Migrations.Engine.Expressions;

public sealed record DeleteSchemaExpression(string SchemaName) : MigrationExpression
{
    public override IEnumerable<string> Validate() => Required(SchemaName, "schema name");

    public override string Describe() => $"delete schema \"{SchemaName}\"";
}
