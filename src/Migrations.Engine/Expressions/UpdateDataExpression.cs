using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

/// <summary>An UPDATE: <see cref="Where"/> is ANDed equality (null means IS NULL); empty Where needs <see cref="AllRows"/>.</summary>
public sealed record UpdateDataExpression(string? SchemaName, string TableName, IReadOnlyList<ColumnValue> Set, IReadOnlyList<ColumnValue> Where) : MigrationExpression
{
    public bool AllRows { get; init; }

    public override IEnumerable<string> Validate()
    {
        var errors = Required(TableName, "table name").Concat(RequiredList(Set, $"values to set in \"{TableName}\"")).ToList();
        if (Where.Count == 0 && !AllRows)
        {
            errors.Add($"update of \"{TableName}\" has no Where(); call AllRows() to update every row");
        }

        return errors;
    }

    public override string Describe() => $"update {Qualified(SchemaName, TableName)}";
}
