using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Builders;

/// <summary>
/// <c>Create.Index([name]).OnTable(t).OnColumn(c).Ascending()...WithOptions().Unique()</c>.
/// <c>Filter</c> (partial index) and <c>AsConcurrently</c> are FluentMigrator's PostgreSQL
/// extensions; here Filter works on SQLite too, and CONCURRENTLY is a plain build there.
/// </summary>
public sealed class CreateIndexBuilder(string? name) : IExpressionBuilder
{
    private IndexDefinition _index = new() { Name = name, TableName = "" };

    public CreateIndexBuilder OnTable(string tableName) => Set(i => i with { TableName = tableName });

    public CreateIndexBuilder InSchema(string schemaName) => Set(i => i with { SchemaName = schemaName });

    public CreateIndexBuilder OnColumn(string columnName) => Set(i => i with { Columns = [.. i.Columns, new IndexColumn(columnName)] });

    public CreateIndexBuilder Ascending() => SetLastColumn(descending: false);

    public CreateIndexBuilder Descending() => SetLastColumn(descending: true);

    /// <summary>On a column (FluentMigrator's <c>OnColumn(c).Unique()</c>) or on the options: the index is unique.</summary>
    public CreateIndexBuilder Unique() => Set(i => i with { IsUnique = true });

    public CreateIndexBuilder WithOptions() => this;

    /// <summary>A partial index: only rows matching <paramref name="whereSql"/> are indexed.</summary>
    public CreateIndexBuilder Filter(string whereSql) => Set(i => i with { Filter = whereSql });

    public CreateIndexBuilder AsConcurrently(bool concurrently = true) => Set(i => i with { Concurrently = concurrently });

    private CreateIndexBuilder SetLastColumn(bool descending)
    {
        if (_index.Columns.Count == 0)
        {
            throw new InvalidOperationException($"Create.Index(\"{_index.EffectiveName}\"): call OnColumn(...) before Ascending()/Descending().");
        }

        var columns = _index.Columns.ToList();
        columns[^1] = columns[^1] with { Descending = descending };
        return Set(i => i with { Columns = columns });
    }

    private CreateIndexBuilder Set(Func<IndexDefinition, IndexDefinition> change)
    {
        _index = change(_index);
        return this;
    }

    public IEnumerable<MigrationExpression> Build() => [new CreateIndexExpression(_index)];
}
