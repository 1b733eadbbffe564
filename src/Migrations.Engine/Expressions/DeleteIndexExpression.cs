namespace Migrations.Engine.Expressions;

public sealed record DeleteIndexExpression(string? SchemaName, string? TableName, string IndexName) : MigrationExpression
{
    public bool Concurrently { get; init; }

    public override IEnumerable<string> Validate() => Required(IndexName, "index name");

    public override string Describe() => $"delete index \"{IndexName}\"";
}
