using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary><c>Delete.Column(a).Column(b).FromTable(t).InSchema(s)</c>.</summary>
public sealed class DeleteColumnBuilder(string firstColumn) : IExpressionBuilder
{
    private readonly List<string> _columns = [firstColumn];
    private string _table = "";
    private string? _schema;

    public DeleteColumnBuilder Column(string columnName)
    {
        _columns.Add(columnName);
        return this;
    }

    public DeleteColumnBuilder FromTable(string tableName)
    {
        _table = tableName;
        return this;
    }

    public DeleteColumnBuilder InSchema(string schemaName)
    {
        _schema = schemaName;
        return this;
    }

    public IEnumerable<MigrationExpression> Build() => [new DeleteColumnExpression(_schema, _table, _columns.ToArray())];
}
