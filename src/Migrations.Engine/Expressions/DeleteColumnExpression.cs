namespace Migrations.Engine.Expressions;

public sealed record DeleteColumnExpression(string? SchemaName, string TableName, IReadOnlyList<string> ColumnNames) : MigrationExpression
{
    public override IEnumerable<string> Validate() =>
        Required(TableName, "table name").Concat(RequiredList(ColumnNames, $"columns to delete from \"{TableName}\""));

    public override IEnumerable<DataLossProbe> DataLoss() =>
        ColumnNames.Select(c => new DataLossProbe(SchemaName, TableName, $"delete column \"{TableName}\".\"{c}\"") { ColumnName = c });

    public override string Describe() =>
        $"delete column {string.Join(", ", ColumnNames.Select(c => $"\"{c}\""))} from {Qualified(SchemaName, TableName)}";
}
