using System.Globalization;
using System.Reflection;
using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;

namespace Migrations.Clearway;

/// <summary>
/// What both clearway seed profiles share: they check the live schema before they touch a table
/// and skip, with a log line, every table that is not there yet (a database rolled back to an
/// earlier version) or lacks a column they fill, and every table whose parent was skipped, so
/// seeding an older schema fills what it can and never fails on what it cannot.
/// <para>
/// FluentMigrator creates profiles through dependency injection, so each one takes the run's
/// logger in its constructor; a skip is one line there, prefixed with the profile's name.
/// </para>
/// </summary>
public abstract class ClearwaySeedProfile(ILogger logger) : Migration
{
    /// <summary>The batch that creates each table the profiles fill, for the skip messages.</summary>
    private static readonly Dictionary<string, long> CreatedBy = new(StringComparer.Ordinal)
    {
        ["Organization"] = ClearwayVersions.Phase1CoreSchema,
        ["User"] = ClearwayVersions.Phase1CoreSchema,
        ["Document"] = ClearwayVersions.Phase1CoreSchema,
        ["CapitalCall"] = ClearwayVersions.Phase1CoreSchema,
        ["AccountingConnection"] = ClearwayVersions.IntegrationExpansionPhase2,
        ["AccountingTransaction"] = ClearwayVersions.IntegrationExpansionPhase2,
        ["SignatureRequest"] = ClearwayVersions.IntegrationExpansionPhase2,
        ["WebhookEndpoint"] = ClearwayVersions.IntegrationExpansionPhase2,
        ["WebhookDelivery"] = ClearwayVersions.IntegrationExpansionPhase2,
        ["BankAccount"] = ClearwayVersions.Phase2CompleteSchema,
        ["Payment"] = ClearwayVersions.Phase2CompleteSchema,
        ["StatementReconciliation"] = ClearwayVersions.Phase2CompleteSchema,
        ["FundAdministrator"] = ClearwayVersions.Phase2CompleteSchema,
        ["FundAdminConnection"] = ClearwayVersions.Phase2CompleteSchema,
        ["InvestorMapping"] = ClearwayVersions.Phase2CompleteSchema,
        ["FundMapping"] = ClearwayVersions.Phase2CompleteSchema,
        ["FundAdminSync"] = ClearwayVersions.Phase2CompleteSchema,
        ["UnmappedInvestor"] = ClearwayVersions.Phase2CompleteSchema,
        ["WebhookLog"] = ClearwayVersions.Phase2CompleteSchema,
        ["AuditLog"] = ClearwayVersions.Phase2CompleteSchema,
        ["LegalHold"] = ClearwayVersions.Phase2CompleteSchema,
        ["DataProcessingAgreement"] = ClearwayVersions.Phase2CompleteSchema,
        ["OrganizationRole"] = ClearwayVersions.Phase2CompleteSchema,
        ["OrganizationMember"] = ClearwayVersions.Phase2CompleteSchema,
        ["OrganizationInvite"] = ClearwayVersions.Phase2CompleteSchema,
        ["SSOConnection"] = ClearwayVersions.Phase2CompleteSchema,
        ["ScheduledReport"] = ClearwayVersions.Phase2CompleteSchema,
        ["ReportExecution"] = ClearwayVersions.Phase2CompleteSchema,
    };

    private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);

    /// <summary>Tables this run skipped, in the order they were skipped.</summary>
    protected IReadOnlyCollection<string> Skipped => _skipped;

    public sealed override void Up()
    {
        _skipped.Clear();
        Seed();
    }

    /// <summary>Profiles change no schema: nothing to undo.</summary>
    public sealed override void Down()
    {
    }

    protected abstract void Seed();

    /// <summary>
    /// True when <paramref name="table"/> exists with every one of <paramref name="columns"/> and
    /// none of <paramref name="parents"/> was skipped; otherwise logs why and remembers the skip.
    /// </summary>
    protected bool Ready(string table, IEnumerable<string> columns, params string[] parents)
    {
        if (!Schema.Table(table).Exists())
        {
            return Skip(table, $"the table is not there yet (it comes with migration {Batch(table)}; the schema is older)");
        }

        var missing = columns.Distinct(StringComparer.Ordinal).Where(c => !Schema.Table(table).Column(c).Exists()).ToArray();
        if (missing.Length > 0)
        {
            return Skip(table, $"the table has no column {string.Join(", ", missing.Select(c => $"\"{c}\""))} yet (the schema is older)");
        }

        var skippedParent = parents.FirstOrDefault(_skipped.Contains);
        return skippedParent is null || Skip(table, $"its rows refer to \"{skippedParent}\", which was skipped");
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> (anonymous objects, property names are columns) with
    /// ON CONFLICT DO NOTHING, when <see cref="Ready"/> says the table can take them.
    /// </summary>
    protected void Rows(string table, string[] parents, params object[] rows)
    {
        var columns = rows.SelectMany(r => r.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)).Select(p => p.Name);
        if (!Ready(table, columns, parents))
        {
            return;
        }

        var insert = Insert.IntoTable(table).OnConflictDoNothing();
        foreach (var row in rows)
        {
            insert.Row(row);
        }
    }

    /// <summary>One line in the run's log, e.g. <c>DevelopmentDemoData: skipped "Payment": ...</c>.</summary>
    protected void Log(string message) => logger.LogInformation("{Profile}: {Message}", GetType().Name, message);

    private bool Skip(string table, string why)
    {
        _skipped.Add(table);
        Log($"skipped \"{table}\": {why}");
        return false;
    }

    private static string Batch(string table) =>
        CreatedBy.TryGetValue(table, out var version) ? version.ToString(CultureInfo.InvariantCulture) : "a later version";
}
