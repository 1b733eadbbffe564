using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Builders;

/// <summary><c>Delete.FromTable(t).InSchema(s).Row(new { ... })</c>, <c>.IsNull(column)</c> or <c>.AllRows()</c>.</summary>
public sealed class DeleteDataBuilder(string table) : IExpressionBuilder
{
    private readonly List<IReadOnlyList<ColumnValue>> _rows = [];
    private string? _schema;
    private bool _allRows;

    public DeleteDataBuilder InSchema(string schemaName)
    {
        _schema = schemaName;
        return this;
    }

    public DeleteDataBuilder Row(object conditions)
    {
        _rows.Add(RowValues.From(conditions));
        return this;
    }

    public DeleteDataBuilder IsNull(string columnName)
    {
        _rows.Add([new ColumnValue(columnName, null)]);
        return this;
    }

    public DeleteDataBuilder AllRows()
    {
        _allRows = true;
        return this;
    }

    public IEnumerable<MigrationExpression> Build() => [new DeleteDataExpression(_schema, table, _rows.ToArray()) { AllRows = _allRows }];
}
