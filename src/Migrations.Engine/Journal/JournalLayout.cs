namespace Migrations.Engine.Journal;

/// <summary>Where the journal lives and which columns it has: one place, read by the writer, the reader and the upgrade.</summary>
public static class JournalLayout
{
    /// <summary>The columns FluentMigrator itself writes.</summary>
    public static readonly string[] FluentMigratorColumns = ["Version", "AppliedOn", "Description"];

    /// <summary>Our columns, in order, with their portable types.</summary>
    public static readonly (string Name, string PostgresType, string SqliteType)[] ExtraColumns =
    [
        ("Checksum", "varchar(64)", "TEXT"),
        ("DurationMs", "bigint", "INTEGER"),
        ("AppliedBy", "varchar(256)", "TEXT"),
        ("Environment", "varchar(64)", "TEXT"),
        ("Tags", "varchar(1024)", "TEXT"),
    ];

    /// <summary>The journal's schema for a FluentMigrator processor id: <c>migrations</c> on PostgreSQL, none on SQLite.</summary>
    public static string? SchemaFor(string databaseType) =>
        databaseType.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase) ? JournalTableMetaData.PostgresSchema : null;
}
