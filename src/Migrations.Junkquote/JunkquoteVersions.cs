namespace Migrations.Junkquote;

/// <summary>
/// The versions of junkquote's batches: the date of each step as a sortable number. Batch 1 keeps
/// the date of the seed's Prisma migration folder 20251110_add_memory_entities. Constants, so an
/// applied migration's version can never change under it.
/// </summary>
public static class JunkquoteVersions
{
    /// <summary>The eight tables that existed before Batch 1.</summary>
    public const long Baseline = 2025_11_09_0000;

    /// <summary>Batch 1: prisma/migrations/20251110_add_memory_entities.</summary>
    public const long Batch1 = 2025_11_10_0000;

    /// <summary>Batch 2: the seed's "Next Steps" (backfill, then constraints).</summary>
    public const long Batch2 = 2025_11_11_0000;
}
