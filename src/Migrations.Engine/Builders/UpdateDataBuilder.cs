using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Builders;

/// <summary><c>Update.Table(t).InSchema(s).Set(new { ... }).Where(new { ... })</c> or <c>.AllRows()</c>.</summary>
public sealed class UpdateDataBuilder(string table) : IExpressionBuilder
{
    private string? _schema;
    private IReadOnlyList<ColumnValue> _set = [];
    private IReadOnlyList<ColumnValue> _where = [];
    private bool _allRows;

    public UpdateDataBuilder InSchema(string schemaName)
    {
        _schema = schemaName;
        return this;
    }

    public UpdateDataBuilder Set(object values)
    {
        _set = RowValues.From(values);
        return this;
    }

    public UpdateDataBuilder Where(object conditions)
    {
        _where = RowValues.From(conditions);
        return this;
    }

    public UpdateDataBuilder AllRows()
    {
        _allRows = true;
        return this;
    }

    public IEnumerable<MigrationExpression> Build() => [new UpdateDataExpression(_schema, table, _set, _where) { AllRows = _allRows }];
}
