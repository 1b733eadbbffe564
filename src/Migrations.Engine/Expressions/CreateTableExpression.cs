using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

/// <summary>A table with its columns, primary key and the foreign keys declared on its columns.</summary>
public sealed record CreateTableExpression(string? SchemaName, string TableName, IReadOnlyList<ColumnDefinition> Columns) : MigrationExpression
{
    public bool IfNotExists { get; init; }

    public string? Description { get; init; }

    public override IEnumerable<string> Validate()
    {
        var errors = Required(TableName, "table name").Concat(RequiredList(Columns, $"columns of table \"{TableName}\"")).ToList();
        foreach (var column in Columns)
        {
            errors.AddRange(ColumnRules.Validate(TableName, column, requireType: true));
        }

        var duplicates = Columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        errors.AddRange(duplicates.Select(name => $"table \"{TableName}\" declares column \"{name}\" twice"));
        return errors;
    }

    // Dropping a table created with IF NOT EXISTS could drop a table this migration did not create.
    public override MigrationExpression? Reverse() => IfNotExists ? null : new DeleteTableExpression(SchemaName, TableName);

    public override string Describe() => $"create table {Qualified(SchemaName, TableName)}";

    /// <summary>The primary key name: the one given on a column, or PK_{Table}.</summary>
    public string PrimaryKeyName => Columns.Select(c => c.PrimaryKeyName).FirstOrDefault(n => n is not null) ?? $"PK_{TableName}";

    public IReadOnlyList<ColumnDefinition> PrimaryKeyColumns => Columns.Where(c => c.IsPrimaryKey).ToArray();
}
