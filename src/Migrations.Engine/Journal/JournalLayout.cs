namespace Migrations.Engine.Journal;

/// <summary>Where the journal lives and which columns it has: one place, read by the writer, the reader and the upgrade.</summary>
public static class JournalLayout
{
    /// <summary>The columns FluentMigrator itself writes.</summary>
    public static readonly string[] FluentMigratorColumns = ["Version", "AppliedOn", "Description"];

    /// <summary>
    /// FluentMigrator's columns an older journal may lack, with the types FluentMigrator gives them
    /// (<c>AsDateTime()</c>, <c>AsString(1024)</c>); <c>Version</c> is never added: without it a table is no journal.
    /// </summary>
    public static readonly (string Name, string PostgresType, string SqliteType)[] AddableFluentMigratorColumns =
    [
        ("AppliedOn", "timestamp", "DATETIME"),
        ("Description", "varchar(1024)", "TEXT"),
    ];

    /// <summary>Our columns, in order, with their portable types.</summary>
    public static readonly (string Name, string PostgresType, string SqliteType)[] ExtraColumns =
    [
        ("Checksum", "varchar(64)", "TEXT"),
        ("DurationMs", "bigint", "INTEGER"),
        ("AppliedBy", "varchar(256)", "TEXT"),
        ("Environment", "varchar(64)", "TEXT"),
        ("Tags", "varchar(1024)", "TEXT"),

        // Set on rows that baseline recorded: the evidence that the live schema already had the migration's objects.
        ("Baseline", "text", "TEXT"),
    ];

    /// <summary>Every column the runner reads or writes, FluentMigrator's first.</summary>
    public static IEnumerable<string> AllColumns => FluentMigratorColumns.Concat(ExtraColumns.Select(c => c.Name));

    /// <summary>The schema FluentMigrator's own runner puts <c>VersionInfo</c> in on PostgreSQL when none is configured.</summary>
    public const string FluentMigratorPostgresSchema = "public";

    /// <summary>The journal's schema for a FluentMigrator processor id: <c>migrations</c> on PostgreSQL, none on SQLite.</summary>
    public static string? SchemaFor(string databaseType) =>
        databaseType.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase) ? JournalTableMetaData.PostgresSchema : null;

    /// <summary>The journal as a message names it: <c>migrations."VersionInfo"</c> or <c>"VersionInfo"</c>.</summary>
    public static string DisplayName(string? schema) =>
        (schema is null ? "" : schema + ".") + Authoring.Sql.Quote(JournalTableMetaData.Table);
}
