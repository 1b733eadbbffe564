namespace Migrations.Engine.Expressions;

public sealed record DeleteEnumExpression(string? SchemaName, string EnumName) : MigrationExpression
{
    public override IEnumerable<string> Validate() => Required(EnumName, "enum name");

    public override string Describe() => $"delete enum {Qualified(SchemaName, EnumName)}";
}
