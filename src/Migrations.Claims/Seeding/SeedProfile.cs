using Migrations.Claims.Migrations;
using Migrations.Engine;

namespace Migrations.Claims.Seeding;

/// <summary>
/// What both seeding profiles share: they run after every migrate with their profile (and on
/// <c>seed</c>), never journaled, so they must work on whatever version the database is at. Each
/// part asks the live database whether its table (or column) is there and, if not, skips with a
/// log line naming the migration that adds it.
/// </summary>
public abstract class SeedProfile : Migration
{
    /// <summary>The migration that creates each table (or column, as "table.column") a seed writes.</summary>
    private static readonly Dictionary<string, long> AddedBy = new(StringComparer.Ordinal)
    {
        ["claims"] = Versions.ExistingSchemaBaseline,
        ["tradesCompany"] = Versions.ExistingSchemaBaseline,
        ["ClientProConnection"] = Versions.ExistingSchemaBaseline,
        ["ai_reports"] = Versions.ExistingSchemaBaseline,
        ["ClaimTimelineEvent"] = Versions.ExistingSchemaBaseline,
        ["PortalLink"] = Versions.ExistingSchemaBaseline,
        ["claim_events"] = Versions.ExistingSchemaBaseline,
        ["email_queue"] = Versions.ExistingSchemaBaseline,
        ["branding_uploads"] = Versions.ExistingSchemaBaseline,
        ["claim_documents"] = Versions.ExistingSchemaBaseline,
        ["ClientProConnection.claimId"] = Versions.ClientProConnectionClaimId,
        ["email_log"] = Versions.EmailLog,
        ["ClaimContractor"] = Versions.ClaimContractor,
        ["storage_usage"] = Versions.StorageUsage,
        ["report_queue"] = Versions.ReportQueue,
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
}
