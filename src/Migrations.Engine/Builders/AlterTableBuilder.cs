using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary><c>Alter.Table(name)</c>: <c>AddColumn</c> and <c>AlterColumn</c>, applied in the order written.</summary>
public sealed class AlterTableBuilder : ColumnBuilderBase<AlterTableBuilder>, IExpressionBuilder
{
    private readonly string _table;
    private readonly List<ColumnSlot> _columns = [];
    private string? _schema;

    public AlterTableBuilder(string table) => _table = table;

    protected override ColumnSlot Current =>
        _columns.LastOrDefault() ?? throw new InvalidOperationException($"Alter.Table(\"{_table}\"): call AddColumn(...) or AlterColumn(...) first.");

    protected override string CurrentTable => _table;

    protected override string? CurrentSchema => _schema;

    public AlterTableBuilder InSchema(string schemaName)
    {
        _schema = schemaName;
        return this;
    }

    public AlterTableBuilder AddColumn(string name)
    {
        _columns.Add(new ColumnSlot(name, ColumnChange.Create));
        return this;
    }

    public AlterTableBuilder AlterColumn(string name)
    {
        _columns.Add(new ColumnSlot(name, ColumnChange.Alter));
        return this;
    }

    /// <summary>Fills the new column in existing rows; with NotNullable() it is added nullable, filled, then made NOT NULL.</summary>
    public AlterTableBuilder SetExistingRowsTo(object? value)
    {
        Current.HasExistingRowsValue = true;
        Current.ExistingRowsValue = value;
        return this;
    }

    public IEnumerable<MigrationExpression> Build() => _columns.SelectMany(slot => slot.ChangeExpressions(_schema, _table));
}
