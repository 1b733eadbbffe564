using FluentMigrator;

namespace Migrations.Clearway;

/// <summary>
/// Maintenance, not a schema batch: at the end of every <c>migrate</c> (never journaled) both
/// materialized views are refreshed concurrently, so a deploy never leaves them stale. An hourly
/// job gets the seed's "Refresh Schedule: Hourly" by running <c>migrate</c> for this database
/// (nothing pending: only this step runs). PostgreSQL only; SQLite's plain views are always current.
/// </summary>
[Maintenance(MigrationStage.AfterAll)]
public sealed class RefreshMaterializedViews : Migration
{
    /// <summary>
    /// Refreshes both views without blocking readers, skipping any that does not exist yet (a run
    /// stopped at an earlier target). A host that cannot run the runner can execute this SQL hourly.
    /// </summary>
    public const string PostgresRefresh = """
        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_matviews WHERE schemaname = 'public' AND matviewname = 'monthly_call_summary') THEN
                REFRESH MATERIALIZED VIEW CONCURRENTLY public.monthly_call_summary;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_matviews WHERE schemaname = 'public' AND matviewname = 'fund_performance_summary') THEN
                REFRESH MATERIALIZED VIEW CONCURRENTLY public.fund_performance_summary;
            END IF;
        END
        $$;
        """;

    public override void Up() => IfDatabase("postgres").Execute.Sql(PostgresRefresh);

    public override void Down()
    {
        // Nothing to undo: a refresh changes no schema.
    }
}
