namespace Migrations.Engine.Builders;

/// <summary>Answers every existence question with false: for building a migration without a database (checksums, load-time checks).</summary>
public sealed class NeutralQuerySchema : IQuerySchema
{
    public static readonly NeutralQuerySchema Instance = new();

    private NeutralQuerySchema()
    {
    }

    public bool SchemaExists(string schemaName) => false;

    public bool TableExists(string? schemaName, string tableName) => false;

    public bool ColumnExists(string? schemaName, string tableName, string columnName) => false;

    public bool ConstraintExists(string? schemaName, string tableName, string constraintName) => false;

    public bool IndexExists(string? schemaName, string tableName, string indexName) => false;

    public bool SequenceExists(string? schemaName, string sequenceName) => false;
}
