using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Builders;

/// <summary><c>Insert.IntoTable(t).InSchema(s).Row(new { ... }).Row(...)</c>: property order gives column order.</summary>
public sealed class InsertDataBuilder(string table) : IExpressionBuilder
{
    private readonly List<IReadOnlyList<ColumnValue>> _rows = [];
    private string? _schema;
    private bool _ignoreConflicts;
    private BulkInsertExpression? _bulk;

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

    /// <summary>Rows that collide with an existing key are left as they are (ON CONFLICT DO NOTHING): re-running a seed changes nothing.</summary>
    public InsertDataBuilder OnConflictDoNothing()
    {
        _ignoreConflicts = true;
        return this;
    }

    /// <summary>Streams rows (one value per column, in order) into the table; see <see cref="BulkInsertExpression"/>.</summary>
    public InsertDataBuilder Bulk(IReadOnlyList<string> columns, Func<IEnumerable<object?[]>> rows)
    {
        _bulk = new BulkInsertExpression(_schema, table, columns, rows);
        return this;
    }

    public IEnumerable<MigrationExpression> Build() =>
        _bulk is not null
            ? [_bulk with { SchemaName = _schema }]
            : [new InsertDataExpression(_schema, table, _rows.ToArray()) { IgnoreConflicts = _ignoreConflicts }];
}
