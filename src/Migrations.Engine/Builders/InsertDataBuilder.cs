using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Builders;

/// <summary><c>Insert.IntoTable(t).InSchema(s).Row(new { ... }).Row(...)</c>: property order gives column order.</summary>
public sealed class InsertDataBuilder(string table) : IExpressionBuilder
{
    private readonly List<IReadOnlyList<ColumnValue>> _rows = [];
    private string? _schema;

    public InsertDataBuilder InSchema(string schemaName)
    {
        _schema = schemaName;
        return this;
    }

    public InsertDataBuilder Row(object row)
    {
        _rows.Add(RowValues.From(row));
        return this;
    }

    public InsertDataBuilder Rows(params object[] rows)
    {
        foreach (var row in rows)
        {
            Row(row);
        }

        return this;
    }

    public IEnumerable<MigrationExpression> Build() => [new InsertDataExpression(_schema, table, _rows.ToArray())];
}
