using Migrations.Engine;

namespace Migrations.Clearway;

/// <summary>
/// Runs a block of the seed's "Manual Rollback" SQL as the Down() of its batch: verbatim on
/// PostgreSQL; on SQLite, which has no CASCADE on DROP and no materialized views, the same
/// statements without CASCADE and with plain views.
/// </summary>
public static class SeedRollback
{
    public static void Run(Migration migration, string seedRollbackSql)
    {
        ArgumentNullException.ThrowIfNull(migration);
        migration.IfDatabase("postgres").Execute.Sql(seedRollbackSql);
        migration.IfDatabase("sqlite").Execute.Sql(ForSqlite(seedRollbackSql));
    }

    public static string ForSqlite(string seedRollbackSql) =>
        seedRollbackSql
            .Replace(" CASCADE;", ";", StringComparison.Ordinal)
            .Replace("DROP MATERIALIZED VIEW", "DROP VIEW", StringComparison.Ordinal);
}
