namespace Migrations.Engine.Running;

/// <summary>One line of <c>status</c>.</summary>
public sealed record MigrationStatus(long Version, string Description, IReadOnlyList<string> Tags, MigrationState State)
{
    public DateTime? AppliedOn { get; init; }

    public string? AppliedBy { get; init; }

    public string? Environment { get; init; }

    public bool BreakingChange { get; init; }

    /// <summary>For a migration baseline recorded instead of running it: the evidence.</summary>
    public string? Baseline { get; init; }
}
