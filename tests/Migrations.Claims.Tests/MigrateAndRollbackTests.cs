using Migrations.Claims.Tests.Support;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class MigrateAndRollbackTests(Provider provider) : ClaimsDatabaseTest(provider)
{
    private static readonly long[] AllVersions =
    [
        ClaimsVersions.ExistingSchemaBaseline, ClaimsVersions.ClientProConnectionClaimId, ClaimsVersions.EmailLog,
        ClaimsVersions.ClaimContractor, ClaimsVersions.StorageUsage, ClaimsVersions.ReportQueue,
    ];

    [Test]
    public async Task Migrate_applies_every_batch_in_seed_order_and_journals_it()
    {
        var result = await Runner().MigrateUpAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(AllVersions));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(AllVersions));
    }

    [Test]
    public async Task Migrate_creates_exactly_the_documented_tables()
    {
        await MigrateToLatestAsync();

        Assert.That(SchemaSnapshot.Tables(Db), Is.EquivalentTo(new[]
        {
            "claims", "tradesCompany", "ClientProConnection", "ai_reports", "ClaimTimelineEvent", "PortalLink",
            "claim_events", "email_queue", "branding_uploads", "claim_documents",
            "email_log", "ClaimContractor", "storage_usage", "report_queue",
        }));
    }

    [Test]
    public async Task Migrate_twice_changes_nothing_the_second_time()
    {
        await MigrateToLatestAsync();
        var snapshot = SchemaSnapshot.Take(Db);

        var second = await Runner().MigrateUpAsync();

        Assert.That(second.Applied, Is.Empty);
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(snapshot));
    }

    [Test]
    public async Task Rolling_back_everything_leaves_the_empty_database_it_started_from()
    {
        var empty = SchemaSnapshot.Take(Db);
        await MigrateToLatestAsync();

        var result = await Runner().RollbackToVersionAsync(0);

        Assert.That(result.RolledBack.Select(r => r.Migration.Version), Is.EqualTo(AllVersions.Reverse()));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(empty));
        Assert.That(Harness.JournalVersions(Db), Is.Empty);
    }

    [Test]
    public async Task Every_step_rolls_back_to_exactly_the_schema_before_it()
    {
        var checkedVersions = await Harness.AssertEveryStepReversibleAsync(Db, Runner());

        Assert.That(checkedVersions, Is.EqualTo(AllVersions));
    }
}
