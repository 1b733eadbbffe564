namespace Migrations.Runner.Configuration;

/// <summary>The <c>Migrations</c> section of configuration (appsettings, environment variables <c>Migrations__...</c>).</summary>
public sealed class RunnerSettings
{
    public const string Section = "Migrations";

    public int LockTimeoutSeconds { get; set; } = 60;

    /// <summary>Seconds each statement may run; 0 keeps the provider's default.</summary>
    public int CommandTimeoutSeconds { get; set; }

    /// <summary>A bulk insert (a seed, a backfill) that has run this many seconds logs its progress.</summary>
    public double ProgressAfterSeconds { get; set; } = 5;

    /// <summary>Seconds between two progress lines of one bulk insert.</summary>
    public double ProgressEverySeconds { get; set; } = 3;

    /// <summary>Where the embedded default keeps its SQLite files, relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Where backups go when --backup is not given (and backups are required or wanted).</summary>
    public string? BackupDirectory { get; set; }

    /// <summary>Per database: its provider when a connection string alone does not say, and whether <c>all</c> skips it.</summary>
    public Dictionary<string, DatabaseSettings> Databases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per environment (Development, Staging, Production, or a team's own): its tags and seeding profile.</summary>
    public Dictionary<string, EnvironmentSettings> Environments { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class DatabaseSettings
{
    /// <summary><c>postgres</c> or <c>sqlite</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>Leave this database out of <c>--database all</c> (logged as skipped); naming it with <c>--database</c> still runs it.</summary>
    public bool Skip { get; set; }
}

public sealed class EnvironmentSettings
{
    public List<string> Tags { get; set; } = [];

    /// <summary>Every migrate or rollback that changes something takes a backup first (on for Production).</summary>
    public bool RequireBackup { get; set; }

    public string? Profile { get; set; }

    /// <summary>Rows in the largest tables a volume-seeding profile generates here.</summary>
    public int SeedScale { get; set; } = Migrations.Engine.Authoring.RunSettings.DefaultSeedScale;
}
