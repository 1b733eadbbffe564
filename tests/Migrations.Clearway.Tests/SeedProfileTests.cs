using Migrations.Clearway;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class SeedProfileTests(Provider provider) : ClearwayTestBase(provider)
{
    private const int SmallScale = 1000;

    [Test]
    public async Task Development_profile_seeds_a_coherent_demo_that_satisfies_every_constraint()
    {
        var result = await In("Development", "Development").MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { nameof(DevelopmentDemoData) }));
        DataChecks.AssertEveryConstraintHolds(Db);
        var counts = DataChecks.Counts(Db);
        foreach (var (table, expected) in DevelopmentDemoData.ExpectedRows)
        {
            Assert.That(counts[table], Is.EqualTo(expected), table);
        }

        Assert.That(DevelopmentDemoData.ExpectedRows.Keys, Is.EquivalentTo(counts.Keys), "the demo fills every table");
        Assert.That(Db.Rows("Organization", "\"id\" NOT LIKE 'dev-%'") + Db.Rows("CapitalCall", "\"id\" NOT LIKE 'dev-%'"), Is.Zero, "every demo key is dev-*");

        // Relationships the app relies on, beyond the foreign keys.
        Assert.That(Db.Count("""SELECT count(*) FROM "CapitalCall" c JOIN "Document" d ON d."id" = c."documentId" WHERE d."userId" <> c."userId" """), Is.Zero, "a call belongs to its notice's uploader");
        Assert.That(Db.Count("""SELECT count(*) FROM "Payment" p JOIN "CapitalCall" c ON c."id" = p."capitalCallId" WHERE c."userId" <> p."userId" OR c."status" <> 'PAID' OR p."amount" <> c."amountDue" """), Is.Zero, "payments settle paid calls of their own investor in full");
        Assert.That(Db.Rows("CapitalCall", "\"status\" = 'PAID'"), Is.EqualTo(Db.Rows("Payment")), "every paid call has its payment");
        Assert.That(Db.Count("""SELECT count(*) FROM "OrganizationMember" m JOIN "User" u ON u."id" = m."userId" WHERE u."organizationId" IS NULL OR u."organizationId" <> m."organizationId" """), Is.Zero, "members are the users of their organization");
        Assert.That(Db.Count("""SELECT count(*) FROM "User" u WHERE u."organizationId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "OrganizationMember" m WHERE m."userId" = u."id") """), Is.Zero, "every organization user is a member");
        Assert.That(Db.Count("""SELECT count(*) FROM "OrganizationMember" WHERE "role" = 'OWNER'"""), Is.EqualTo(3), "one owner per organization");
        Assert.That(Db.Rows("Document", "NOT EXISTS (SELECT 1 FROM \"CapitalCall\" c WHERE c.\"documentId\" = \"Document\".\"id\")"), Is.EqualTo(1), "one notice is still being extracted");

        // The reporting views see the demo (on PostgreSQL the maintenance step refreshed them after the profile).
        Assert.That(Db.Count("SELECT count(*) FROM fund_performance_summary"), Is.EqualTo(7));
        Assert.That(Money(Db.Scalar("SELECT sum(total_paid) FROM fund_performance_summary")), Is.EqualTo(1_050_000.00m));
    }

    [Test]
    public async Task Staging_profile_generates_volume_data_proportional_to_the_scale()
    {
        var result = await In("Staging", "Staging", SmallScale).MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { nameof(StagingVolumeData) }));
        DataChecks.AssertEveryConstraintHolds(Db);
        AssertStagingCounts(SmallScale);
        Assert.That(Db.Count("""SELECT count(*) FROM "CapitalCall" c JOIN "Document" d ON d."id" = c."documentId" JOIN "User" u ON u."id" = c."userId" WHERE d."userId" <> c."userId" OR d."organizationId" <> u."organizationId" """), Is.Zero);
        Assert.That(Db.Count("""SELECT count(*) FROM "Payment" p JOIN "CapitalCall" c ON c."id" = p."capitalCallId" JOIN "BankAccount" b ON b."id" = p."bankAccountId" WHERE c."status" <> 'PAID' OR b."userId" <> p."userId" """), Is.Zero, "payments of paid calls, from the investor's own account");
        Assert.That(Db.Count("""SELECT count(DISTINCT "status") FROM "CapitalCall" """), Is.EqualTo(4), "every call status occurs");
        Assert.That(Db.Count("""SELECT count(*) FROM "OrganizationMember" WHERE "role" = 'OWNER'"""), Is.EqualTo(StagingVolumeData.Organizations(SmallScale)));
        Assert.That(Log.Lines, Has.Some.Contains($"scale {SmallScale}"));
    }

    [Test]
    public async Task Staging_profile_twice_gives_the_same_rows_and_leaves_other_rows_alone()
    {
        await In("Staging", "Development").MigrateUpAsync();
        await In("Staging", "Staging", SmallScale).SeedAsync();
        var counts = DataChecks.Counts(Db);
        var checksum = DataChecks.Checksum(Db);

        await In("Staging", "Staging", SmallScale).SeedAsync();
        Assert.That(DataChecks.Counts(Db), Is.EqualTo(counts));
        Assert.That(DataChecks.Checksum(Db), Is.EqualTo(checksum));

        // A smaller scale replaces the staging rows; the demo rows stay.
        await In("Staging", "Staging", SmallScale / 4).SeedAsync();
        AssertStagingCounts(SmallScale / 4);
        Assert.That(Db.Rows("CapitalCall", "\"id\" LIKE 'dev-%'"), Is.EqualTo(DevelopmentDemoData.ExpectedRows["CapitalCall"]));
        DataChecks.AssertEveryConstraintHolds(Db);

        await In("Staging", "Staging", SmallScale).SeedAsync();
        Assert.That(DataChecks.Checksum(Db), Is.EqualTo(checksum), "back at the first scale, the same rows again");
    }

    [Test]
    public async Task Staging_profile_at_a_scale_of_100000_completes_with_exactly_that_many_calls()
    {
        const int scale = 100_000;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await In("Staging", "Staging", scale).MigrateUpAsync();
        TestContext.Progress.WriteLine($"{Provider}: migrate + Staging seed at {scale}: {clock.ElapsedMilliseconds} ms; " +
            string.Join("; ", Log.Lines.Where(l => l.Contains(" ms", StringComparison.Ordinal))));
        clock.Restart();

        Assert.That(Db.Rows("CapitalCall", "\"id\" LIKE 'stg-%'"), Is.EqualTo(scale));
        AssertStagingCounts(scale);
        TestContext.Progress.WriteLine($"{Provider}: counts: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        DataChecks.AssertEveryConstraintHolds(Db);
        TestContext.Progress.WriteLine($"{Provider}: constraint checks: {clock.ElapsedMilliseconds} ms");
    }

    [Test]
    public async Task After_rolling_back_to_phase_1_both_profiles_seed_what_exists_and_log_what_they_skip()
    {
        await In("Development", "Development").MigrateUpAsync();
        // The seeded Phase 2 rows go with their tables: this test is about seeding afterwards, not the guard.
        await Runner(o => o with { AllowDataLoss = true }).RollbackToVersionAsync(ClearwayVersions.Phase1CoreSchema);

        await In("Development", "Development").SeedAsync();
        await In("Development", "Staging", SmallScale).SeedAsync();

        DataChecks.AssertEveryConstraintHolds(Db);
        Assert.That(SchemaSnapshot.Tables(Db), Is.EquivalentTo(new[] { "Organization", "User", "Document", "CapitalCall" }));
        Assert.That(Db.Rows("CapitalCall"), Is.EqualTo(DevelopmentDemoData.ExpectedRows["CapitalCall"] + SmallScale));
        Assert.That(Db.Rows("User"), Is.EqualTo(DevelopmentDemoData.ExpectedRows["User"] + StagingVolumeData.Users(SmallScale)));
        Assert.That(Log.Lines, Has.Some.Contains("DevelopmentDemoData: skipped \"Payment\": the table is not there yet (it comes with migration 2025111802"));
        Assert.That(Log.Lines, Has.Some.Contains("DevelopmentDemoData: skipped \"AccountingConnection\": the table is not there yet (it comes with migration 2025111801"));
        Assert.That(Log.Lines, Has.Some.Contains("StagingVolumeData: skipped \"AuditLog\""));
        Assert.That(Log.Lines, Has.None.Contains("skipped \"CapitalCall\""));
    }

    [Test]
    public async Task After_rolling_back_to_the_integration_batch_the_demo_fills_its_tables_and_skips_phase_2()
    {
        await In("Development").MigrateUpAsync(ClearwayVersions.IntegrationExpansionPhase2);

        await In("Development", "Development").SeedAsync();

        DataChecks.AssertEveryConstraintHolds(Db);
        Assert.That(Db.Rows("WebhookDelivery"), Is.EqualTo(DevelopmentDemoData.ExpectedRows["WebhookDelivery"]));
        Assert.That(Db.Rows("SignatureRequest"), Is.EqualTo(DevelopmentDemoData.ExpectedRows["SignatureRequest"]));
        Assert.That(Log.Lines.Count(l => l.Contains("DevelopmentDemoData: skipped", StringComparison.Ordinal)), Is.EqualTo(19), "the 19 Phase 2 tables");
    }

    [Test]
    public async Task On_an_empty_database_seeding_skips_everything_and_says_so()
    {
        var result = await In("Development", "Development").SeedAsync();
        await In("Staging", "Staging", SmallScale).SeedAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { nameof(DevelopmentDemoData) }));
        Assert.That(SchemaSnapshot.Tables(Db), Is.Empty);
        Assert.That(Log.Lines, Has.Some.Contains("DevelopmentDemoData: skipped \"Organization\": the table is not there yet"));
        Assert.That(Log.Lines, Has.Some.Contains("DevelopmentDemoData: skipped \"User\": the table is not there yet"));
        Assert.That(Log.Lines, Has.Some.Contains("StagingVolumeData: skipped \"CapitalCall\""));
    }

    private void AssertStagingCounts(int scale)
    {
        var stg = "\"id\" LIKE 'stg-%'";
        Assert.Multiple(() =>
        {
            Assert.That(Db.Rows("Organization", stg), Is.EqualTo(StagingVolumeData.Organizations(scale)), "Organization");
            Assert.That(Db.Rows("User", stg), Is.EqualTo(StagingVolumeData.Users(scale)), "User");
            Assert.That(Db.Rows("BankAccount", stg), Is.EqualTo(StagingVolumeData.Users(scale)), "BankAccount");
            Assert.That(Db.Rows("OrganizationMember", stg), Is.EqualTo(StagingVolumeData.Users(scale)), "OrganizationMember");
            Assert.That(Db.Rows("Document", stg), Is.EqualTo(scale), "Document");
            Assert.That(Db.Rows("CapitalCall", stg), Is.EqualTo(scale), "CapitalCall");
            Assert.That(Db.Rows("AuditLog", stg), Is.EqualTo(scale), "AuditLog");
            Assert.That(Db.Rows("Payment", stg), Is.EqualTo(StagingVolumeData.PaidCalls(scale)), "Payment");
            Assert.That(Db.Rows("Payment", stg), Is.EqualTo(Db.Rows("CapitalCall", stg + " AND \"status\" = 'PAID'")), "Payment per paid call");
        });
    }
}
