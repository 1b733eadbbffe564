namespace Migrations.Engine.Running;

/// <summary>One line of <c>status</c>.</summary>
public sealed record MigrationStatus(long Version, string Description, IReadOnlyList<string> Tags, MigrationState State)
{
    public DateTime? AppliedOn { get; init; }

    public string? AppliedBy { get; init; }

    public string? Environment { get; init; }

    public bool BreakingChange { get; init; }

    /// <summary>Applied, then changed in the code: its journal checksum differs from the code's (validate reports it).</summary>
    public bool Edited { get; init; }

    /// <summary>For a migration baseline recorded instead of running it: the evidence.</summary>
    public string? Baseline { get; init; }
}
