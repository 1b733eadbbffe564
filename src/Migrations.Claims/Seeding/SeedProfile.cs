using FluentMigrator;
using Microsoft.Extensions.Logging;

namespace Migrations.Claims.Seeding;

/// <summary>
/// What both seeding profiles share: they run after every migrate with their profile (and on
/// <c>seed</c>), never journaled, so they must work on whatever version the database is at. Each
/// part asks the live database whether its table (or column) is there and, if not, skips with a
/// log line naming the migration that adds it. FluentMigrator makes profiles through dependency
/// injection, so the run's logger comes in through the constructor.
/// </summary>
public abstract class SeedProfile(ILogger logger) : Migration
{
    /// <summary>The migration that creates each table (or column, as "table.column") a seed writes.</summary>
    private static readonly Dictionary<string, long> AddedBy = new(StringComparer.Ordinal)
    {
        ["claims"] = ClaimsVersions.ExistingSchemaBaseline,
        ["tradesCompany"] = ClaimsVersions.ExistingSchemaBaseline,
        ["ClientProConnection"] = ClaimsVersions.ExistingSchemaBaseline,
        ["ai_reports"] = ClaimsVersions.ExistingSchemaBaseline,
        ["ClaimTimelineEvent"] = ClaimsVersions.ExistingSchemaBaseline,
        ["PortalLink"] = ClaimsVersions.ExistingSchemaBaseline,
        ["claim_events"] = ClaimsVersions.ExistingSchemaBaseline,
        ["email_queue"] = ClaimsVersions.ExistingSchemaBaseline,
        ["branding_uploads"] = ClaimsVersions.ExistingSchemaBaseline,
        ["claim_documents"] = ClaimsVersions.ExistingSchemaBaseline,
        ["ClientProConnection.claimId"] = ClaimsVersions.ClientProConnectionClaimId,
        ["email_log"] = ClaimsVersions.EmailLog,
        ["ClaimContractor"] = ClaimsVersions.ClaimContractor,
        ["storage_usage"] = ClaimsVersions.StorageUsage,
        ["report_queue"] = ClaimsVersions.ReportQueue,
    };

    /// <summary>The profile's name in its log lines.</summary>
    protected abstract string ProfileName { get; }

    public sealed override void Down()
    {
        // A profile is never journaled, so it is never rolled back.
    }

    /// <summary>True when <paramref name="table"/> exists; otherwise logs that <paramref name="what"/> is skipped and why.</summary>
    protected bool TableReady(string table, string what)
    {
        if (Schema.Table(table).Exists())
        {
            return true;
        }

        Log($"{ProfileName} seed: {table} is not there yet (added by migration {AddedBy[table]}): {what} skipped");
        return false;
    }

    /// <summary>True when <paramref name="table"/>.<paramref name="column"/> exists; otherwise logs that <paramref name="what"/> is skipped and why.</summary>
    protected bool ColumnReady(string table, string column, string what)
    {
        if (Schema.Table(table).Column(column).Exists())
        {
            return true;
        }

        Log($"{ProfileName} seed: {table}.{column} is not there yet (added by migration {AddedBy[$"{table}.{column}"]}): {what} skipped");
        return false;
    }

    /// <summary>Writes a line to the run's log, for example why a part of the seed was skipped.</summary>
    protected void Log(string message) => logger.LogInformation("{Message}", message);
}
