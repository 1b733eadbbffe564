using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Builders;

/// <summary>The mutable state of one column while its fluent chain is being written.</summary>
public sealed class ColumnSlot(string name, ColumnChange change)
{
    public ColumnDefinition Definition { get; set; } = new() { Name = name };

    public ColumnChange Change { get; } = change;

    public List<(bool Unique, string? Name)> Indexes { get; } = [];

    public bool HasExistingRowsValue { get; set; }

    public object? ExistingRowsValue { get; set; }

    /// <summary>The index expressions that <c>Indexed()</c> and <c>Unique()</c> add after the column.</summary>
    public IEnumerable<MigrationExpression> IndexExpressions(string? schema, string table) =>
        Indexes.Select(index => new CreateIndexExpression(new IndexDefinition
        {
            Name = index.Name,
            SchemaName = schema,
            TableName = table,
            IsUnique = index.Unique,
            Columns = [new IndexColumn(Definition.Name)],
        }));

    /// <summary>
    /// The expressions of an added or altered column. <c>SetExistingRowsTo</c> on a NOT NULL
    /// column adds it nullable, fills it, then makes it NOT NULL (FluentMigrator's sequence).
    /// </summary>
    public IEnumerable<MigrationExpression> ChangeExpressions(string? schema, string table)
    {
        if (Change == ColumnChange.Alter)
        {
            yield return new AlterColumnExpression(schema, table, Definition);
        }
        else if (!HasExistingRowsValue)
        {
            yield return new CreateColumnExpression(schema, table, Definition);
        }
        else
        {
            var notNull = !Definition.EffectiveNullable;
            yield return new CreateColumnExpression(schema, table, notNull ? Definition with { IsNullable = true } : Definition);
            yield return new UpdateDataExpression(schema, table, [new ColumnValue(Definition.Name, ExistingRowsValue)], []) { AllRows = true };
            if (notNull)
            {
                yield return new AlterColumnExpression(schema, table, Definition with { IsNullable = false, ForeignKey = null, Default = null });
            }
        }

        foreach (var index in IndexExpressions(schema, table))
        {
            yield return index;
        }
    }
}

/// <summary>Whether a column slot creates (with a table or added to one) or alters a column.</summary>
public enum ColumnChange
{
    Create,
    Alter,
}
