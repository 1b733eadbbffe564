namespace Migrations.Engine.Authoring;

/// <summary>
/// The keys under which our authoring extensions store what they mean as FluentMigrator
/// "additional features" on its own definitions and expressions; our generators read them.
/// FluentMigrator.Extensions.Postgres's own keys (for example <c>PostgresExtensions.IndexFilter</c>)
/// are reused where they say the same thing.
/// </summary>
public static class MigrationFeatures
{
    /// <summary>On a <c>ColumnDefinition</c>: the SQL of a CHECK on that column (string).</summary>
    public const string ColumnCheck = "Migrations:ColumnCheck";

    /// <summary>On a <c>ColumnDefinition</c>: the column is of an enum type (<see cref="EnumColumn"/>).</summary>
    public const string EnumColumn = "Migrations:EnumColumn";

    /// <summary>On an <c>InsertDataExpression</c>: rows that already exist (by any unique key) are left as they are (bool).</summary>
    public const string InsertIfAbsent = "Migrations:InsertIfAbsent";

    /// <summary>On an <c>InsertDataExpression</c>: streamed rows (<see cref="BulkRows"/>) instead of <c>Rows</c>.</summary>
    public const string BulkRows = "Migrations:BulkRows";
}
