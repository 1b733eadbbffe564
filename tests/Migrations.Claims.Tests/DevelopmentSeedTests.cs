using System.Globalization;
using Migrations.Claims.Seeding;
using Migrations.Claims.Tests.Support;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>The Development profile: a small coherent demo set, the same after any number of runs, on any schema version.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class DevelopmentSeedTests(Provider provider) : ClaimsDatabaseTest(provider)
{
    private static readonly Dictionary<string, long> ExpectedCounts = new()
    {
        ["claims"] = 6, ["tradesCompany"] = 4, ["ClientProConnection"] = 6, ["ai_reports"] = 5, ["ClaimTimelineEvent"] = 20,
        ["PortalLink"] = 3, ["claim_events"] = 19, ["email_queue"] = 2, ["branding_uploads"] = 4, ["claim_documents"] = 6,
        ["email_log"] = 2, ["ClaimContractor"] = 6, ["storage_usage"] = 3, ["report_queue"] = 5,
    };

    [Test]
    public async Task Migrate_with_the_profile_seeds_a_coherent_demo_set()
    {
        var result = await SeedRunner("Development").MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { nameof(DevelopmentSeed) }));
        Assert.That(SeedChecks.Counts(Db), Is.EquivalentTo(ExpectedCounts));
        SeedChecks.AssertConsistent(Db);
        Assert.That(Db.Query("SELECT DISTINCT \"orgId\" FROM \"claims\"").Select(r => r[0]), Is.EquivalentTo(new[] { "dev-org-northwind", "dev-org-harbor", "dev-org-summit" }));
        Assert.That(Db.Count("SELECT count(*) FROM \"ClientProConnection\" WHERE \"claimId\" IS NULL"), Is.Zero, "every demo connection is attached to its claim");
        Assert.That(Db.Query("SELECT \"status\" FROM \"ai_reports\"").Select(r => r[0]), Is.EquivalentTo(new[] { "completed", "processing", "completed", "queued", "failed" }));
        Assert.That(ContractorRows(), Is.EqualTo(ExpectedContractorRows()));
    }

    [Test]
    public async Task Seeding_alone_on_an_empty_database_skips_everything_and_says_why()
    {
        var log = new CapturingLogger();

        var result = await SeedRunner("Development", log: log).SeedAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { nameof(DevelopmentSeed) }));
        Assert.That(SeedChecks.ExistingTables(Db), Is.Empty);
        Assert.That(log.Lines, Has.Some.Contains("Development seed: claims is not there yet (added by migration 202601010001): all demo data skipped"));
    }

    [Test]
    public async Task After_a_rollback_to_the_baseline_seeding_fills_what_is_there_and_logs_the_rest()
    {
        await SeedRunner("Development").MigrateUpAsync();
        await Runner(o => o with { AllowDataLoss = true }).RollbackToVersionAsync(ClaimsVersions.ExistingSchemaBaseline); // the seeded rows of the newer tables go with them
        var log = new CapturingLogger();

        await SeedRunner("Development", log: log).SeedAsync();

        var baselineCounts = ExpectedCounts.Where(c => c.Key is not ("email_log" or "ClaimContractor" or "storage_usage" or "report_queue"));
        Assert.That(SeedChecks.Counts(Db), Is.EquivalentTo(baselineCounts));
        SeedChecks.AssertConsistent(Db);
        Assert.That(log.Lines, Has.Some.Contains("ClientProConnection.claimId is not there yet (added by migration 202601010002): linking demo connections to their claims skipped"));
        foreach (var (table, version) in new[] { ("email_log", ClaimsVersions.EmailLog), ("ClaimContractor", ClaimsVersions.ClaimContractor), ("storage_usage", ClaimsVersions.StorageUsage), ("report_queue", ClaimsVersions.ReportQueue) })
        {
            Assert.That(log.Lines, Has.Some.Contains($"Development seed: {table} is not there yet (added by migration {version})"), table);
        }
    }

    [Test]
    public async Task Seeded_before_the_later_migrations_the_backfills_and_the_profile_agree_on_the_derived_rows()
    {
        // A developer seeds at the baseline, then pulls the later migrations and migrates with the profile.
        await SeedRunner("Development").MigrateUpAsync(ClaimsVersions.ExistingSchemaBaseline);
        await SeedRunner("Development").MigrateUpAsync();

        Assert.That(SeedChecks.Counts(Db), Is.EquivalentTo(ExpectedCounts));
        SeedChecks.AssertConsistent(Db);
        Assert.That(ContractorRows(), Is.EqualTo(ExpectedContractorRows()), "the backfill derived the state the profile would have written");
        Assert.That(Db.Count("SELECT count(*) FROM \"ClientProConnection\" WHERE \"claimId\" IS NULL"), Is.Zero, "connections seeded before the drift fix are linked afterwards");
        var usage = Db.Query("SELECT \"orgId\", \"usedBytes\", \"fileCount\" FROM \"storage_usage\"")
            .Select(r => ((string)r[0]!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture), Convert.ToInt32(r[2], CultureInfo.InvariantCulture)));
        Assert.That(usage, Is.EquivalentTo(DemoData.StorageUsage().Select(u => (u.Org.Id, u.UsedBytes, u.FileCount))));
    }

    private string[] ContractorRows() =>
        Db.Query("""
            SELECT "claimId", lower(CAST("companyId" AS TEXT)), "role", "status", CAST("assignedAt" AS TEXT), CAST("acceptedAt" AS TEXT), CAST("completedAt" AS TEXT), "notes"
            FROM "ClaimContractor"
            """).Select(r => string.Join(" | ", r.Select(v => v ?? "-"))).Order(StringComparer.Ordinal).ToArray();

    private static string[] ExpectedContractorRows() =>
        DemoData.Assignments.Select(a => string.Join(" | ",
                a.Claim.Id, a.Company.Id.ToString("D"), a.Role, a.Status, Time(DemoData.At(a.AssignedDay, 10)),
                a.AcceptedDay is { } accepted ? Time(DemoData.At(accepted, 11)) : "-",
                a.CompletedDay is { } completed ? Time(DemoData.At(completed, 16)) : "-",
                a.Notes ?? "-"))
            .Order(StringComparer.Ordinal).ToArray();

    private static string Time(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
