using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary><c>Create.Table(name)</c>: columns in order, then the indexes their <c>Indexed()</c>/<c>Unique()</c> asked for.</summary>
public sealed class CreateTableBuilder : ColumnBuilderBase<CreateTableBuilder>, IExpressionBuilder
{
    private readonly string _table;
    private readonly List<ColumnSlot> _columns = [];
    private string? _schema;
    private bool _ifNotExists;
    private string? _description;

    public CreateTableBuilder(string table) => _table = table;

    protected override ColumnSlot Current =>
        _columns.LastOrDefault() ?? throw new InvalidOperationException($"Create.Table(\"{_table}\"): call WithColumn(...) first.");

    protected override string CurrentTable => _table;

    protected override string? CurrentSchema => _schema;

    public CreateTableBuilder InSchema(string schemaName)
    {
        _schema = schemaName;
        return this;
    }

    public CreateTableBuilder IfNotExists()
    {
        _ifNotExists = true;
        return this;
    }

    public CreateTableBuilder WithDescription(string description)
    {
        _description = description;
        return this;
    }

    public CreateTableBuilder WithColumn(string name)
    {
        _columns.Add(new ColumnSlot(name, ColumnChange.Create));
        return this;
    }

    public IEnumerable<MigrationExpression> Build()
    {
        // Schema may be set after columns declared their foreign keys: settle it now.
        var columns = _columns.Select(slot => slot.Definition.ForeignKey is { } fk
            ? slot.Definition with { ForeignKey = fk with { ForeignTableSchema = _schema, PrimaryTableSchema = fk.PrimaryTableSchema ?? _schema } }
            : slot.Definition).ToArray();
        yield return new CreateTableExpression(_schema, _table, columns) { IfNotExists = _ifNotExists, Description = _description };
        foreach (var index in _columns.SelectMany(slot => slot.IndexExpressions(_schema, _table)))
        {
            yield return index;
        }
    }
}
