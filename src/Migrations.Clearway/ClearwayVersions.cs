namespace Migrations.Clearway;

/// <summary>
/// The versions of the clearway batches. The seed's "Migration Order" section (marked IMPORTANT) is
/// followed, not its history table (which numbers the views 1.0.1, before the integration tables):
/// the versions are the seed's dates plus a sequence number, so the runner applies them in that order.
/// </summary>
public static class ClearwayVersions
{
    /// <summary>Phase 1 core MVP tables (history 1.0.0, 2025-11-17, applied in production).</summary>
    public const long Phase1CoreSchema = 2025111701;

    /// <summary><c>integration_expansion_phase2.sql</c> (history 1.1.0).</summary>
    public const long IntegrationExpansionPhase2 = 2025111801;

    /// <summary><c>phase2_complete_schema.sql</c> (history 2.0.0).</summary>
    public const long Phase2CompleteSchema = 2025111802;

    /// <summary><c>add_materialized_views.sql</c> (history 1.0.1).</summary>
    public const long AddMaterializedViews = 2025111803;

    /// <summary>
    /// Production and Staging only: the overdue-reminder index on <c>CapitalCall</c>, built with
    /// <c>CREATE INDEX CONCURRENTLY</c> (see <see cref="CapitalCallOverdueIndex"/>).
    /// </summary>
    public const long CapitalCallOverdueIndex = 2025111901;
}
