using Migrations.Claims.Seeding;
using Migrations.Claims.Tests.Support;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>The Staging profile: deterministic volume data at --seed-scale, replaced rather than duplicated on every run.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class StagingSeedTests(Provider provider) : ClaimsDatabaseTest(provider)
{
    private const int SmallScale = 2_000;

    [Test]
    public async Task A_small_scale_fills_every_table_in_proportion_with_consistent_rows()
    {
        var result = await SeedRunner("Staging", SmallScale).MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { nameof(StagingSeed) }));
        var data = new StagingData(SmallScale);
        var counts = SeedChecks.Counts(Db);
        Assert.That(counts["claim_events"], Is.EqualTo(SmallScale));
        Assert.That(counts.Where(c => c.Key != "claim_events").Select(c => c.Value), Has.All.LessThan(SmallScale), "claim_events is the largest table");
        Assert.That(counts, Does.ContainKey("claims").WithValue(200L)
            .And.ContainKey("tradesCompany").WithValue((long)data.Companies)
            .And.ContainKey("ClaimTimelineEvent").WithValue(600L)
            .And.ContainKey("claim_documents").WithValue(400L)
            .And.ContainKey("ai_reports").WithValue(100L)
            .And.ContainKey("report_queue").WithValue(100L)
            .And.ContainKey("email_log").WithValue(25L)
            .And.ContainKey("email_queue").WithValue(25L)
            .And.ContainKey("PortalLink").WithValue(50L)
            .And.ContainKey("ClaimContractor").WithValue(100L)
            .And.ContainKey("ClientProConnection").WithValue(100L)
            .And.ContainKey("branding_uploads").WithValue(4L)
            .And.ContainKey("storage_usage").WithValue(2L));
        SeedChecks.AssertConsistent(Db);
        Assert.That(Db.Query("SELECT DISTINCT \"status\" FROM \"ClaimContractor\"").Select(r => r[0]), Is.EquivalentTo(new[] { "assigned", "accepted", "completed" }));
        Assert.That(Db.Query("SELECT DISTINCT \"role\" FROM \"ClaimContractor\"").Select(r => r[0]), Is.EquivalentTo(new[] { "primary_contractor", "subcontractor", "consultant" }));
    }

    [Test]
    public async Task Reseeding_at_another_scale_replaces_the_generated_rows_and_leaves_other_rows_alone()
    {
        await SeedRunner("Development").MigrateUpAsync();
        var demo = SeedChecks.Checksum(Db);
        await SeedRunner("Staging", SmallScale).SeedAsync();

        await SeedRunner("Staging", 500).SeedAsync();

        Assert.That(Db.Count("SELECT count(*) FROM \"claim_events\" WHERE \"id\" LIKE 'stg-%'"), Is.EqualTo(500));
        Assert.That(Db.Count("SELECT count(*) FROM \"claims\" WHERE \"id\" LIKE 'stg-%'"), Is.EqualTo(50));
        SeedChecks.AssertConsistent(Db);
        Execute("DELETE FROM \"ClaimContractor\" WHERE \"claimId\" LIKE 'stg-%'", "DELETE FROM \"ClientProConnection\" WHERE \"id\" LIKE 'stg-%'",
            "DELETE FROM \"storage_usage\" WHERE \"orgId\" LIKE 'stg-%'", "DELETE FROM \"report_queue\" WHERE \"id\" LIKE 'stg-%'",
            "DELETE FROM \"email_log\" WHERE \"id\" LIKE 'stg-%'", "DELETE FROM \"email_queue\" WHERE \"id\" LIKE 'stg-%'",
            "DELETE FROM \"branding_uploads\" WHERE \"id\" LIKE 'stg-%'", "DELETE FROM \"claims\" WHERE \"id\" LIKE 'stg-%'",
            $"DELETE FROM \"tradesCompany\" WHERE CAST(\"id\" AS TEXT) LIKE '{StagingData.CompanyUuidPrefix}%'");
        Assert.That(SeedChecks.Checksum(Db), Is.EqualTo(demo), "the demo rows are untouched");
    }

    [Test]
    public async Task After_a_rollback_to_the_baseline_seeding_fills_what_is_there_and_logs_the_rest()
    {
        await SeedRunner("Staging", SmallScale).MigrateUpAsync();
        await Runner(o => o with { AllowDataLoss = true }).RollbackToVersionAsync(ClaimsVersions.ExistingSchemaBaseline); // the seeded rows of the newer tables go with them
        var log = new CapturingLogger();

        await SeedRunner("Staging", SmallScale, log).SeedAsync();

        Assert.That(Db.Count("SELECT count(*) FROM \"claim_events\""), Is.EqualTo(SmallScale));
        Assert.That(Db.Count("SELECT count(*) FROM \"ClientProConnection\""), Is.EqualTo(100));
        SeedChecks.AssertConsistent(Db);
        Assert.That(log.Lines, Has.Some.Contains("Staging seed: ClientProConnection.claimId is not there yet (added by migration 202601010002)"));
        foreach (var table in new[] { "email_log", "ClaimContractor", "storage_usage", "report_queue" })
        {
            Assert.That(log.Lines, Has.Some.Contains($"Staging seed: {table} is not there yet"), table);
        }
    }

    [Test]
    public async Task Seeded_at_the_baseline_then_migrated_with_the_profile_the_backfilled_rows_are_replaced_not_duplicated()
    {
        await SeedRunner("Staging", SmallScale).MigrateUpAsync(ClaimsVersions.ExistingSchemaBaseline);

        // The backfills turn the staging events and files into ClaimContractor and storage_usage rows
        // (random ids); the profile must find them by claim and organisation before it inserts its own.
        await SeedRunner("Staging", SmallScale).MigrateUpAsync();

        Assert.That(Db.Count("SELECT count(*) FROM \"ClaimContractor\""), Is.EqualTo(100));
        Assert.That(Db.Count("SELECT count(*) FROM \"ClaimContractor\" WHERE \"id\" NOT LIKE 'stg-cc-%'"), Is.Zero);
        Assert.That(Db.Count("SELECT count(*) FROM \"storage_usage\" WHERE \"id\" NOT LIKE 'stg-storage-%'"), Is.Zero);
        SeedChecks.AssertConsistent(Db);
    }

    [Test]
    public async Task One_hundred_thousand_rows_stream_into_the_largest_table()
    {
        const int scale = 100_000;

        await SeedRunner("Staging", scale).MigrateUpAsync();

        Assert.That(Db.Count("SELECT count(*) FROM \"claim_events\" WHERE \"id\" LIKE 'stg-evt-%'"), Is.EqualTo(scale));
        Assert.That(Db.Count("SELECT count(*) FROM \"claims\""), Is.EqualTo(scale / 10));
        Assert.That(Db.Count("SELECT count(*) FROM \"ClaimTimelineEvent\""), Is.EqualTo(scale * 3 / 10));
        Assert.That(Db.Count("SELECT count(*) FROM \"tradesCompany\""), Is.EqualTo(500));
        Assert.That(Db.Count("SELECT count(*) FROM \"storage_usage\""), Is.EqualTo(100));
        SeedChecks.AssertConsistent(Db);
    }

    private void Execute(params string[] statements)
    {
        foreach (var sql in statements)
        {
            Db.Execute(sql);
        }
    }
}
