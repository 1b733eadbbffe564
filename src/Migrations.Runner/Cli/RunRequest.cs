namespace Migrations.Runner.Cli;

/// <summary>What the command line asked for, after parsing.</summary>
public sealed record RunRequest(string Command)
{
    public string? Database { get; init; }

    public string? AssemblyPath { get; init; }

    public string? Provider { get; init; }

    public string? Connection { get; init; }

    public string? Environment { get; init; }

    /// <summary>Tags given with --tag; they replace the environment's configured tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Profile { get; init; }

    public long? Target { get; init; }

    public int? Steps { get; init; }

    public long? ToVersion { get; init; }

    public bool FailOnPending { get; init; }

    public bool Json { get; init; }

    public string? OutFile { get; init; }

    /// <summary>For <c>script</c>: the SQL of a rollback instead of a migrate.</summary>
    public bool Rollback { get; init; }

    public int? LockTimeoutSeconds { get; init; }

    public bool DryRun { get; init; }

    public string LogFormat { get; init; } = "text";

    /// <summary>Log every SQL statement (the engine's debug level).</summary>
    public bool Verbose { get; init; }

    /// <summary>Rows in the largest tables of a volume-seeding profile.</summary>
    public int? SeedScale { get; init; }

    /// <summary>Run a Development or Staging profile in an environment named Production all the same.</summary>
    public bool ForceSeed { get; init; }

    public bool AllowDataLoss { get; init; }

    /// <summary>Apply pending migrations older than the newest applied one.</summary>
    public bool AllowOutOfOrder { get; init; }

    /// <summary>Go ahead although applied versions are missing from the code.</summary>
    public bool AllowMissing { get; init; }

    /// <summary>Apply migrations marked as breaking changes.</summary>
    public bool AllowBreakingChange { get; init; }

    /// <summary>For migrate: run drift on every database first and stop on any difference.</summary>
    public bool CheckDrift { get; init; }

    /// <summary>For drift and baseline: the empty PostgreSQL database to build the migrations' schema in.</summary>
    public string? ShadowConnection { get; init; }

    /// <summary>For diagram: draw the schema the migrations build in a scratch database, not the live one.</summary>
    public bool Migrated { get; init; }

    /// <summary>Where to put a backup taken before the first change.</summary>
    public string? BackupDirectory { get; init; }
}
