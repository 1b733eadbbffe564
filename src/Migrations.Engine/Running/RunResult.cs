namespace Migrations.Engine.Running;

/// <summary>What a run did: the migrations applied or undone, with their durations, and those skipped for their tags.</summary>
public sealed record RunResult
{
    public List<(MigrationInfo Migration, TimeSpan Duration)> Applied { get; } = [];

    public List<(MigrationInfo Migration, TimeSpan Duration)> RolledBack { get; } = [];

    public List<MigrationInfo> Skipped { get; } = [];

    public List<string> ProfilesRun { get; } = [];
}
