using Migrations.Engine;

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
    public override void Up() => IfDatabase("postgres").Execute.Sql(ClearwayViews.PostgresRefresh);

    public override void Down()
    {
        // Nothing to undo: a refresh changes no schema.
    }
}
