namespace Migrations.Engine.Journal;

/// <summary>One applied migration as the journal records it.</summary>
public sealed record JournalEntry(long Version, DateTime? AppliedOn, string? Description)
{
    /// <summary>SHA-256 of the migration's canonical expressions; see ExpressionFingerprint.</summary>
    public string? Checksum { get; init; }

    public long? DurationMs { get; init; }

    /// <summary>user@host, with the pipeline run id when there is one.</summary>
    public string? AppliedBy { get; init; }

    public string? Environment { get; init; }

    /// <summary>The run's tags, comma-separated.</summary>
    public string? Tags { get; init; }

    /// <summary>For a row that baseline recorded (the migration was not run here): the evidence. Null for a migration that ran.</summary>
    public string? Baseline { get; init; }
}
