using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

/// <summary>Deletes the rows matching each condition row (ANDed equality), or every row.</summary>
public sealed record DeleteDataExpression(string? SchemaName, string TableName, IReadOnlyList<IReadOnlyList<ColumnValue>> Rows) : MigrationExpression
{
    public bool AllRows { get; init; }

    public override IEnumerable<string> Validate()
    {
        var errors = Required(TableName, "table name").ToList();
        if (Rows.Count == 0 && !AllRows)
        {
            errors.Add($"delete from \"{TableName}\" names no rows; call AllRows() to delete every row");
        }

        return errors;
    }

    public override MigrationExpression? Reverse() =>
        AllRows || Rows.Any(r => r.Any(v => v.Value is null)) ? null : new InsertDataExpression(SchemaName, TableName, Rows.Reverse().ToArray());

    public override IEnumerable<DataLossProbe> DataLoss() =>
        AllRows ? [new(SchemaName, TableName, Describe())] : Rows.Select(row => new DataLossProbe(SchemaName, TableName, Describe()) { Where = row });

    public override string Describe() => AllRows ? $"delete all rows from {Qualified(SchemaName, TableName)}" : $"delete {Rows.Count} row(s) from {Qualified(SchemaName, TableName)}";
}
