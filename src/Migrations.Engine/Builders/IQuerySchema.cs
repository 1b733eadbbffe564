namespace Migrations.Engine.Builders;

/// <summary>
/// Existence questions about the live database. A null schema means the dialect's default
/// schema (<c>public</c> on PostgreSQL, <c>main</c> on SQLite). Each returns false when the
/// object or its table is absent; none of them changes anything.
/// </summary>
public interface IQuerySchema
{
    bool SchemaExists(string schemaName);

    bool TableExists(string? schemaName, string tableName);

    bool ColumnExists(string? schemaName, string tableName, string columnName);

    bool ConstraintExists(string? schemaName, string tableName, string constraintName);

    bool IndexExists(string? schemaName, string tableName, string indexName);

    bool SequenceExists(string? schemaName, string sequenceName);
}
