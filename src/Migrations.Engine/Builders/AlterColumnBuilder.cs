using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary><c>Alter.Column(name).OnTable(table)</c>: the type is required; nullability and default change only when stated.</summary>
public sealed class AlterColumnBuilder : ColumnBuilderBase<AlterColumnBuilder>, IExpressionBuilder
{
    private readonly ColumnSlot _slot;
    private string _table = "";
    private string? _schema;

    public AlterColumnBuilder(string column) => _slot = new ColumnSlot(column, ColumnChange.Alter);

    protected override ColumnSlot Current => _slot;

    protected override string CurrentTable => _table;

    protected override string? CurrentSchema => _schema;

    public AlterColumnBuilder OnTable(string tableName)
    {
        _table = tableName;
        return this;
    }

    public AlterColumnBuilder InSchema(string schemaName)
    {
        _schema = schemaName;
        return this;
    }

    public IEnumerable<MigrationExpression> Build() => _slot.ChangeExpressions(_schema, _table);
}
