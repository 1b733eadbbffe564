using Migrations.Engine.Journal;

namespace Migrations.Engine.Planning;

/// <summary>What a migrate would do, computed from the code, the journal and the run's tags alone.</summary>
public sealed record RunPlan(
    IReadOnlyList<MigrationInfo> Pending,
    IReadOnlyList<MigrationInfo> Skipped,
    IReadOnlyList<JournalEntry> MissingFromCode,
    IReadOnlyList<MigrationInfo> OutOfOrder)
{
    public IEnumerable<MigrationInfo> BreakingChanges => Pending.Where(m => m.BreakingChange);
}
