using Migrations.Engine.Journal;

namespace Migrations.Engine.Schema;

/// <summary>
/// What drift and baseline leave out of a schema: the journals (ours and those of the tools a
/// database is adopted from: Prisma, the Supabase CLI, wrangler, Flyway, FluentMigrator), and on
/// PostgreSQL the schemas a platform owns (Supabase's auth, storage, realtime, ...), which no
/// migration here makes and every Supabase project has.
/// </summary>
public static class SchemaExclusions
{
    /// <summary>Journal tables, by name, in any schema.</summary>
    public static readonly IReadOnlySet<string> JournalTables = new HashSet<string>(StringComparer.Ordinal)
    {
        JournalTableMetaData.Table, "_prisma_migrations", "schema_migrations", "d1_migrations", "flyway_schema_history",
        // The d1 provider's run lock (a lease row), not a table of the application.
        D1.D1RunLock.Table,
    };

    /// <summary>PostgreSQL schemas that belong to the server or the platform, never to a migration.</summary>
    public static readonly IReadOnlySet<string> PostgresSchemas = new HashSet<string>(StringComparer.Ordinal)
    {
        "information_schema", JournalTableMetaData.PostgresSchema, "supabase_migrations",
        "auth", "storage", "realtime", "_realtime", "extensions", "graphql", "graphql_public", "pgbouncer",
        "pgsodium", "pgsodium_masks", "vault", "supabase_functions", "net", "cron", "_analytics",
    };

    /// <summary>SQLite tables the engine or D1 keep for themselves.</summary>
    public static bool IsSqliteInternal(string table) =>
        table.StartsWith("sqlite_", StringComparison.Ordinal) || table.StartsWith("_cf_", StringComparison.Ordinal);
}
