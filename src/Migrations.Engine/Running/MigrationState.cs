namespace Migrations.Engine.Running;

/// <summary>Where a migration stands against one database.</summary>
public enum MigrationState
{
    Applied,
    Pending,

    /// <summary>Not for this run's tags.</summary>
    Skipped,

    /// <summary>In the journal but no longer in the code.</summary>
    Missing,
}
