namespace Migrations.Engine.Expressions;

public sealed record DeleteTableExpression(string? SchemaName, string TableName) : MigrationExpression
{
    public bool IfExists { get; init; }

    public override IEnumerable<string> Validate() => Required(TableName, "table name");

    public override IEnumerable<DataLossProbe> DataLoss() => [new(SchemaName, TableName, Describe())];

    public override string Describe() => $"delete table {Qualified(SchemaName, TableName)}";
}
