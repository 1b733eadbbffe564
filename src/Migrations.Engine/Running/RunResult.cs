using Migrations.Engine.Planning;

namespace Migrations.Engine.Running;

/// <summary>What a run did: the migrations applied or undone, with their durations, and those skipped for their tags.</summary>
public sealed record RunResult
{
    public List<(MigrationInfo Migration, TimeSpan Duration)> Applied { get; } = [];

    public List<(MigrationInfo Migration, TimeSpan Duration)> RolledBack { get; } = [];

    public List<MigrationInfo> Skipped { get; } = [];

    public List<string> ProfilesRun { get; } = [];

    /// <summary>The backup taken before the first change, if one was asked for and anything changed.</summary>
    public string? BackupPath { get; set; }
}
