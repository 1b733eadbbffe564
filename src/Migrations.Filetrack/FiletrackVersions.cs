namespace Migrations.Filetrack;

/// <summary>The versions of filetrack's migrations, by name (the seed's batch names).</summary>
public static class FiletrackVersions
{
    /// <summary>
    /// The seed's <c>99999999999999_master_consolidated_schema.sql</c>, versioned the day before the
    /// first incremental batch so a fresh database gets it first (docs/databases/filetrack.md, decision 1).
    /// </summary>
    public const long MasterConsolidatedSchema = 20250119000000;

    /// <summary>The seed's <c>20250120000000_nps_submissions.sql</c>.</summary>
    public const long NpsSubmissions = 20250120000000;
}
