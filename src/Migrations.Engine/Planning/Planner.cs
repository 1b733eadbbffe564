using Migrations.Engine.Journal;

namespace Migrations.Engine.Planning;

/// <summary>
/// The plan of a run, without I/O: the code (a catalog), the journal's rows and the run's tags in;
/// pending, skipped (not for these tags) and the problems out. <c>migrate</c>, <c>status</c>,
/// <c>validate</c> and <c>script</c> all read the same plan.
/// </summary>
/// <remarks>
/// With <paramref name="onlyVersions"/> the selection is that set and nothing else, whatever the
/// tags: drift rebuilds exactly what a live journal records, in a shadow database.
/// </remarks>
public sealed class Planner(MigrationCatalog catalog, IReadOnlyList<string> tags, bool includeUntagged, IReadOnlySet<long>? onlyVersions = null)
{
    public bool IsSelected(MigrationInfo migration) =>
        onlyVersions?.Contains(migration.Version) ?? MigrationCatalog.IsSelected(migration, tags, includeUntagged);

    public RunPlan PlanUp(IReadOnlyList<JournalEntry> applied, long? target = null)
    {
        var appliedVersions = applied.Select(e => e.Version).ToHashSet();
        var notApplied = catalog.Versioned.Where(m => !appliedVersions.Contains(m.Version)).ToArray();
        var newest = applied.Count == 0 ? (long?)null : applied.Max(e => e.Version);
        return new RunPlan(
            Pending: notApplied.Where(m => IsSelected(m) && m.Version <= (target ?? long.MaxValue)).ToArray(),
            Skipped: notApplied.Where(m => !IsSelected(m)).ToArray(),
            MissingFromCode: applied.Where(e => catalog.Find(e.Version) is null).ToArray(),
            OutOfOrder: newest is { } n ? notApplied.Where(m => IsSelected(m) && m.Version < n).ToArray() : []);
    }

    /// <summary>
    /// The applied migrations to undo, newest first: <paramref name="steps"/> of them, or all newer
    /// than <paramref name="toVersion"/>. A journal row the code no longer has cannot be undone.
    /// </summary>
    public IReadOnlyList<MigrationInfo> PlanDown(IReadOnlyList<JournalEntry> applied, int? steps, long? toVersion, string database)
    {
        var newestFirst = applied.OrderByDescending(e => e.Version);
        var undo = steps is { } n ? newestFirst.Take(n) : newestFirst.Where(e => e.Version > (toVersion ?? long.MaxValue));
        return undo.Select(e => catalog.Find(e.Version)
            ?? throw new JournalMismatchException($"{database}: applied version {e.Version} ({e.Description}) is not in the code, so it cannot be rolled back")).ToArray();
    }
}
