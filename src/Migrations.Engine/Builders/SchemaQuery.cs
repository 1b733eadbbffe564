namespace Migrations.Engine.Builders;

/// <summary>
/// <c>Schema.Table(t).Exists()</c>, <c>.Column(c).Exists()</c>, <c>.Index(i).Exists()</c>,
/// <c>.Constraint(c).Exists()</c>, <c>Schema.Schema(s).Table(t)...</c>, <c>Schema.Sequence(n).Exists()</c>.
/// Each <c>Exists()</c> asks the live database at once, while the migration is being built.
/// </summary>
public sealed class SchemaQuery(IQuerySchema query, string? schema)
{
    public bool Exists() => schema is not null && query.SchemaExists(schema);

    public TableQuery Table(string tableName) => new(query, schema, tableName);

    public SequenceQuery Sequence(string sequenceName) => new(query, schema, sequenceName);
}

public sealed class TableQuery(IQuerySchema query, string? schema, string table)
{
    public bool Exists() => query.TableExists(schema, table);

    public ObjectQuery Column(string columnName) => new(() => query.ColumnExists(schema, table, columnName));

    public ObjectQuery Index(string indexName) => new(() => query.IndexExists(schema, table, indexName));

    public ObjectQuery Constraint(string constraintName) => new(() => query.ConstraintExists(schema, table, constraintName));
}

public sealed class SequenceQuery(IQuerySchema query, string? schema, string sequence)
{
    public bool Exists() => query.SequenceExists(schema, sequence);
}

public sealed class ObjectQuery(Func<bool> exists)
{
    public bool Exists() => exists();
}
