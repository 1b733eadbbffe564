using Migrations.Engine.Planning;

namespace Migrations.Engine.Schema;

/// <summary>
/// What baseline found: the newest version whose schema the live database has (0: none of
/// them), the rows it recorded (or would, on a dry run), and why it refused when it did.
/// </summary>
public sealed record BaselineResult
{
    /// <summary>The newest version the live schema provably matches; 0 when it matches the empty schema.</summary>
    public long? MatchedVersion { get; init; }

    /// <summary>The rows written to the journal (none when refused; on a dry run, the rows it would write).</summary>
    public IReadOnlyList<(MigrationInfo Migration, string Evidence)> Rows { get; init; } = [];

    /// <summary>When nothing matched: the version the live schema is closest to, and every difference from it.</summary>
    public long? ClosestVersion { get; init; }

    public IReadOnlyList<SchemaDifference> Differences { get; init; } = [];

    /// <summary>Entries of another tool's journal and the migration each maps to (null: none does).</summary>
    public IReadOnlyList<(PreviousJournalEntry Entry, MigrationInfo? Migration)> PreviousEntries { get; init; } = [];

    /// <summary>Where the other tool's journal contradicts the live schema; each is a reason to refuse.</summary>
    public IReadOnlyList<string> Contradictions { get; init; } = [];

    public bool DryRun { get; init; }

    public bool Refused => MatchedVersion is null || Contradictions.Count > 0;
}
