using System.Reflection;
using Migrations.Engine.Authoring;
using Migrations.Engine.Providers;

namespace Migrations.Engine.Running;

/// <summary>Everything one run needs to know about one database and how to run against it.</summary>
public sealed record MigratorOptions
{
    public required IDatabaseProvider Provider { get; init; }

    public required string ConnectionString { get; init; }

    public required IReadOnlyList<Assembly> Assemblies { get; init; }

    /// <summary>Only migrations in this namespace (FluentMigrator's TypeFilterOptions.Namespace); null takes all.</summary>
    public string? Namespace { get; init; }

    /// <summary>With <see cref="Namespace"/>, also its child namespaces.</summary>
    public bool NestedNamespaces { get; init; }

    /// <summary>The database's name in logs and errors (claims, workspace, ...).</summary>
    public string DatabaseName { get; init; } = "database";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool IncludeUntaggedMigrations { get; init; } = true;

    public bool IncludeUntaggedMaintenances { get; init; } = true;

    /// <summary>When set, exactly these versions are selected, whatever the tags (a shadow rebuilt from a live journal).</summary>
    public IReadOnlySet<long>? OnlyVersions { get; init; }

    /// <summary>The profile whose classes run after every migrate; null runs none.</summary>
    public string? Profile { get; init; }

    public string? Environment { get; init; }

    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan? CommandTimeout { get; init; }

    public bool AllowBreakingChange { get; init; }

    /// <summary>Apply a pending migration older than the newest applied one instead of stopping.</summary>
    public bool AllowOutOfOrder { get; init; }

    /// <summary>Go on although the journal holds versions the code no longer has.</summary>
    public bool AllowMissingApplied { get; init; }

    public string AppliedBy { get; init; } = RunIdentity.Current();

    /// <summary>A bulk insert that has run this long logs its progress (see <see cref="BulkProgress"/>).</summary>
    public TimeSpan ProgressAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a long bulk insert logs its progress.</summary>
    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Run statements that destroy data (drop a populated table or column, delete rows) instead of refusing.</summary>
    public bool AllowDataLoss { get; init; }

    /// <summary>When set, a backup is taken here before the first change of a migrate or rollback.</summary>
    public string? BackupDirectory { get; init; }

    /// <summary>The size of the largest tables a volume-seeding profile generates (<c>--seed-scale</c>).</summary>
    public int SeedScale { get; init; } = RunSettings.DefaultSeedScale;
}
