using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Migrations.Engine.Running;

namespace Migrations.Engine.Schema;

/// <summary>
/// The live schema against the schema its journal's applied migrations make: those migrations,
/// exactly (whatever the run's tags), are applied to a shadow database, both schemas are read
/// the same way, and every object that differs is reported. The live database is only read.
/// </summary>
public sealed class SchemaDrift(MigratorOptions live, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public async Task<DriftReport> CompareAsync(string? shadowConnectionString, CancellationToken cancellationToken)
    {
        var statuses = await new Migrator(live).ListMigrationsAsync(cancellationToken);
        if (statuses.Where(s => s.State == MigrationState.Missing).Select(s => s.Version).ToArray() is { Length: > 0 } missing)
        {
            throw new JournalMismatchException(
                $"{live.DatabaseName}: applied version(s) {string.Join(", ", missing)} are not in the code, so the schema they made cannot be rebuilt to compare with; deploy the code that has them");
        }

        var applied = statuses.Where(s => s.State == MigrationState.Applied).Select(s => s.Version).ToHashSet();
        await using var shadow = await live.Provider.CreateShadowAsync(live.ConnectionString, shadowConnectionString, cancellationToken);
        _logger.LogInformation(Logging.LogEvents.ShadowBuilding, "{Database}: building the schema of {Count} applied migration(s) in {Shadow}", live.DatabaseName, applied.Count, shadow.Description);
        var expected = await BuildAsync(shadow, applied, cancellationToken);
        var found = await ReadAsync(live.ConnectionString, cancellationToken);
        return new DriftReport(found.DifferencesFrom(expected), applied.Count, expected.Count, shadow.Description);
    }

    /// <summary>The schema exactly <paramref name="versions"/> make, built in <paramref name="shadow"/>.</summary>
    public async Task<DatabaseSchema> BuildAsync(ShadowDatabase shadow, IReadOnlySet<long> versions, CancellationToken cancellationToken)
    {
        var options = live with
        {
            ConnectionString = shadow.ConnectionString,
            OnlyVersions = versions,
            Profile = null,
            BackupDirectory = null,
            AllowOutOfOrder = true,
            AllowBreakingChange = true,
            AllowDataLoss = true,
        };
        await new Migrator(options).MigrateUpAsync(cancellationToken: cancellationToken);
        return await ReadAsync(shadow.ConnectionString, cancellationToken);
    }

    private async Task<DatabaseSchema> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await live.Provider.OpenAsync(live.Provider.Normalize(connectionString, live.LockTimeout), cancellationToken);
        return await live.Provider.SchemaReader.ReadAsync(connection, cancellationToken);
    }
}
