using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary><c>Rename.Table(old).InSchema(s).To(new)</c> and <c>Rename.Column(old).OnTable(t).InSchema(s).To(new)</c>.</summary>
public sealed class RenameBuilder(string oldName, bool isColumn) : IExpressionBuilder
{
    private string? _schema;
    private string _table = "";
    private string _newName = "";

    public RenameBuilder OnTable(string tableName)
    {
        _table = tableName;
        return this;
    }

    public RenameBuilder InSchema(string schemaName)
    {
        _schema = schemaName;
        return this;
    }

    public RenameBuilder To(string newName)
    {
        _newName = newName;
        return this;
    }

    public IEnumerable<MigrationExpression> Build() =>
        [isColumn ? new RenameColumnExpression(_schema, _table, oldName, _newName) : new RenameTableExpression(_schema, oldName, _newName)];
}
