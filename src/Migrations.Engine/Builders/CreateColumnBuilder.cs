using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary><c>Create.Column(name).OnTable(table)</c>: adds one column to an existing table.</summary>
public sealed class CreateColumnBuilder : ColumnBuilderBase<CreateColumnBuilder>, IExpressionBuilder
{
    private readonly ColumnSlot _slot;
    private string _table = "";
    private string? _schema;

    public CreateColumnBuilder(string column) => _slot = new ColumnSlot(column, ColumnChange.Create);

    protected override ColumnSlot Current => _slot;

    protected override string CurrentTable => _table;

    protected override string? CurrentSchema => _schema;

    public CreateColumnBuilder OnTable(string tableName)
    {
        _table = tableName;
        return this;
    }

    public CreateColumnBuilder InSchema(string schemaName)
    {
        _schema = schemaName;
        return this;
    }

    public CreateColumnBuilder SetExistingRowsTo(object? value)
    {
        _slot.HasExistingRowsValue = true;
        _slot.ExistingRowsValue = value;
        return this;
    }

    public IEnumerable<MigrationExpression> Build() => _slot.ChangeExpressions(_schema, _table);
}
