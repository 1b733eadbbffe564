using Migrations.Engine.Running;
using Migrations.Filetrack.Seeding;
using Migrations.Filetrack.Tests.Support;
using Migrations.Testing;

namespace Migrations.Filetrack.Tests;

/// <summary>
/// The Development and Staging seeding profiles: coherent rows that satisfy every constraint,
/// idempotent re-seeding, the staging volume at scale, and seeding an older schema after a rollback.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class SeedingTests(Provider provider)
{
    private const int SmallScale = 1000;

    private TestDatabase _db = null!;

    [SetUp]
    public void CreateDatabase() => _db = TestDatabase.Create(provider, "filetrack");

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    private Migrator Development(CapturingLogger? logger = null) =>
        FiletrackDatabase.Runner(_db, o => o with { Environment = "Development", Tags = ["Development"], Profile = "Development" }, logger);

    private Migrator Staging(int scale = SmallScale, CapturingLogger? logger = null) =>
        FiletrackDatabase.Runner(_db, o => o with { Environment = "Staging", Tags = ["Staging"], Profile = "Staging", SeedScale = scale }, logger);

    private void AssertEveryReferenceHolds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SeedChecks.DanglingReferences(_db), Is.Empty, "references to rows that do not exist");
            Assert.That(SeedChecks.ForeignKeyCheck(_db), Is.Empty, "PRAGMA foreign_key_check");
        });
    }

    [Test]
    public async Task Development_seeds_the_demo_data_set_with_every_reference_valid()
    {
        var result = await Development().MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { nameof(DevelopmentSeed) }));
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(DevelopmentSeed.ExpectedCounts.ToDictionary(x => x.Key, x => (long)x.Value)));
        AssertEveryReferenceHolds();
        Assert.Multiple(() =>
        {
            // Each organisation's owner is its member with the owner role.
            Assert.That(SeedChecks.Count(_db, "organizations", """
                NOT EXISTS (SELECT 1 FROM "organization_members" m WHERE m."organizationId" = "organizations"."id"
                            AND m."userId" = "organizations"."ownerId" AND CAST(m."role" AS TEXT) = 'owner')
                """), Is.Zero, "owners are owner members");
            // A run's version is a version of the workflow that ran.
            Assert.That(SeedChecks.Count(_db, "workflow_executions", """
                NOT EXISTS (SELECT 1 FROM "workflow_versions" v WHERE v."id" = "workflow_executions"."workflowVersionId"
                            AND v."workflowId" = "workflow_executions"."workflowId")
                """), Is.Zero, "executions run a version of their own workflow");
            // An MFA session belongs to the same user as its session, and that user has MFA on.
            Assert.That(SeedChecks.Count(_db, "mfa_enforced_sessions", """
                NOT EXISTS (SELECT 1 FROM "sessions" s JOIN "users" u ON u."id" = s."userId"
                            WHERE s."id" = "mfa_enforced_sessions"."sessionId" AND s."userId" = "mfa_enforced_sessions"."userId" AND u."mfaEnabled" = TRUE)
                """), Is.Zero, "mfa sessions match their session's user");
            Assert.That(SeedChecks.Count(_db, "users", "CAST(\"role\" AS TEXT) = 'admin'"), Is.EqualTo(1), "one platform admin");
            Assert.That(SeedChecks.Count(_db, "privacy_prefs"), Is.EqualTo(SeedChecks.Count(_db, "users")), "everyone has privacy preferences");
        });
    }

    [Test]
    public async Task Development_seeding_keeps_a_developers_edits_to_seeded_rows()
    {
        var runner = Development();
        await runner.MigrateUpAsync();
        _db.Execute($"UPDATE \"users\" SET \"name\" = 'Alice (edited)' WHERE \"id\" = '{DevelopmentSeed.Alice}'");

        await runner.SeedAsync();

        Assert.That(_db.Scalar($"SELECT \"name\" FROM \"users\" WHERE \"id\" = '{DevelopmentSeed.Alice}'"), Is.EqualTo("Alice (edited)"));
    }

    [Test]
    public async Task Staging_seeds_every_table_in_proportion_with_every_reference_valid()
    {
        var result = await Staging().MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { nameof(StagingSeed) }));
        var expected = StagingSeed.Sizes(SmallScale).ToDictionary(x => x.Table, x => x.Rows);
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(expected));
        Assert.That(expected["events"], Is.EqualTo(SmallScale), "the largest table has the scale's rows");
        Assert.That(expected.Values.Max(), Is.EqualTo(SmallScale));
        AssertEveryReferenceHolds();
        Assert.Multiple(() =>
        {
            Assert.That(SeedChecks.Count(_db, "workflow_executions", """
                NOT EXISTS (SELECT 1 FROM "workflow_versions" v WHERE v."id" = "workflow_executions"."workflowVersionId"
                            AND v."workflowId" = "workflow_executions"."workflowId")
                """), Is.Zero, "executions run a version of their own workflow");
            Assert.That(SeedChecks.Count(_db, "mfa_enforced_sessions", """
                NOT EXISTS (SELECT 1 FROM "sessions" s JOIN "users" u ON u."id" = s."userId"
                            WHERE s."id" = "mfa_enforced_sessions"."sessionId" AND s."userId" = "mfa_enforced_sessions"."userId" AND u."mfaEnabled" = TRUE)
                """), Is.Zero, "mfa sessions match their session's user");
            Assert.That(SeedChecks.Count(_db, "organizations", """
                NOT EXISTS (SELECT 1 FROM "organization_members" m WHERE m."organizationId" = "organizations"."id"
                            AND m."userId" = "organizations"."ownerId" AND CAST(m."role" AS TEXT) = 'owner')
                """), Is.Zero, "owners are owner members");
            Assert.That(SeedChecks.Count(_db, "audit_logs", """
                NOT EXISTS (SELECT 1 FROM "organization_members" m WHERE m."organizationId" = "audit_logs"."organizationId" AND m."userId" = "audit_logs"."userId")
                """), Is.Zero, "audit rows name an organisation of their user");
            // Every generated key is in the Staging key space.
            var (low, high) = SeedKeys.Range(SeedKeys.StagingPrefix);
            foreach (var table in SeedChecks.ExistingTables(_db))
            {
                Assert.That(SeedChecks.Count(_db, table, $"\"id\" NOT BETWEEN '{low}' AND '{high}'"), Is.Zero, $"{table} keys");
            }
        });
    }

    [Test]
    public async Task Staging_reseeding_at_another_scale_replaces_its_rows_and_leaves_the_rest()
    {
        await Development().MigrateUpAsync();
        await Staging(3 * SmallScale).SeedAsync();

        await Staging(SmallScale).SeedAsync();

        var (low, high) = SeedKeys.Range(SeedKeys.StagingPrefix);
        var staged = $"\"id\" BETWEEN '{low}' AND '{high}'";
        Assert.Multiple(() =>
        {
            foreach (var (table, rows) in StagingSeed.Sizes(SmallScale))
            {
                Assert.That(SeedChecks.Count(_db, table, staged), Is.EqualTo(rows), $"{table}: staging rows at the new scale");
                Assert.That(SeedChecks.Count(_db, table, $"NOT ({staged})"), Is.EqualTo(DevelopmentSeed.ExpectedCounts[table]), $"{table}: demo rows untouched");
            }
        });
        AssertEveryReferenceHolds();
    }

    [Test]
    public async Task Staging_at_a_scale_of_100000_fills_events_with_exactly_100000_rows()
    {
        const int scale = 100_000;

        await Staging(scale).MigrateUpAsync();

        Assert.That(SeedChecks.Count(_db, "events"), Is.EqualTo(scale));
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(StagingSeed.Sizes(scale).ToDictionary(x => x.Table, x => x.Rows)));
        AssertEveryReferenceHolds();
    }

    [TestCase("Development")]
    [TestCase("Staging")]
    public async Task After_rolling_back_nps_submissions_seeding_skips_it_with_a_log_line(string profile)
    {
        var logger = new CapturingLogger();
        var runner = profile == "Development" ? Development(logger) : Staging(logger: logger);
        await runner.MigrateUpAsync();
        // The seeded rows go with their tables; this test is about seeding afterwards, not the data-loss guard.
        await new Migrator(runner.Options with { AllowDataLoss = true }).RollbackToVersionAsync(FiletrackDatabase.MasterVersion);

        await runner.SeedAsync();
        await runner.SeedAsync();

        Assert.That(SeedChecks.ExistingTables(_db), Does.Not.Contain("nps_submissions"));
        Assert.That(logger.Lines.Where(l => l.Contains("skipped \"nps_submissions\"", StringComparison.Ordinal)), Is.Not.Empty,
            "a log line says nps_submissions was skipped");
        var expected = profile == "Development"
            ? DevelopmentSeed.ExpectedCounts.Where(x => x.Key != "nps_submissions").ToDictionary(x => x.Key, x => (long)x.Value)
            : StagingSeed.Sizes(SmallScale).Where(x => x.Table != "nps_submissions").ToDictionary(x => x.Table, x => x.Rows);
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(expected));
        AssertEveryReferenceHolds();
    }

    [TestCase("Development")]
    [TestCase("Staging")]
    public async Task On_an_empty_database_seeding_skips_every_table_and_succeeds(string profile)
    {
        var logger = new CapturingLogger();
        var runner = profile == "Development" ? Development(logger) : Staging(logger: logger);
        await runner.MigrateUpAsync();
        await new Migrator(runner.Options with { AllowDataLoss = true }).RollbackToVersionAsync(0);

        var result = await runner.SeedAsync();

        Assert.That(result.ProfilesRun, Has.Count.EqualTo(1));
        Assert.That(SeedChecks.ExistingTables(_db), Is.Empty);
        Assert.That(logger.Lines, Has.Some.Contains("skipped \"users\": the table is not there yet"));
        Assert.That(logger.Lines, Has.Some.Contains("skipped \"sessions\": it references \"users\", which was skipped"));
    }

    [Test]
    public async Task A_table_without_a_column_the_profile_writes_is_skipped_with_its_children()
    {
        // An older users table (before mfaEnabled, say): simulated by dropping the column the profile needs.
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();
        _db.Execute("ALTER TABLE \"users\" DROP COLUMN \"mfaEnabled\"");
        var logger = new CapturingLogger();

        await Development(logger).SeedAsync();

        Assert.That(logger.Lines, Has.Some.Contains("skipped \"users\": the table has no column \"mfaEnabled\""));
        Assert.Multiple(() =>
        {
            Assert.That(SeedChecks.Count(_db, "users"), Is.Zero);
            Assert.That(SeedChecks.Count(_db, "events"), Is.Zero, "events reference users");
            Assert.That(SeedChecks.Count(_db, "offers"), Is.EqualTo(DevelopmentSeed.ExpectedCounts["offers"]), "offers do not need users");
            Assert.That(SeedChecks.Count(_db, "metrics_log"), Is.EqualTo(DevelopmentSeed.ExpectedCounts["metrics_log"]));
        });
    }
}
