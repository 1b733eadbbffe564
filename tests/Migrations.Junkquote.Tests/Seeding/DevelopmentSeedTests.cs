using Migrations.Junkquote.Seeding;
using Migrations.Testing;

namespace Migrations.Junkquote.Tests.Seeding;

/// <summary>The Development profile: the demo set, valid everywhere, the same after any number of seeds and on older schemas.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class DevelopmentSeedTests(Provider provider)
{
    private TestDatabase _db = null!;

    [SetUp]
    public void CreateDatabase() => _db = TestDatabase.Create(provider, "junkquote");

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    private static Dictionary<string, long> DemoCounts => new()
    {
        ["User"] = DemoData.Users.Length, ["Crew"] = DemoData.Crews.Length, ["PricingRule"] = DemoData.PricingRules.Length,
        ["Lead"] = DemoData.Leads.Length, ["LeadPhoto"] = DemoData.Photos.Length, ["Quote"] = DemoData.Quotes.Length,
        ["Job"] = DemoData.Jobs.Length, ["AuditLog"] = DemoData.AuditLog.Length, ["Customer"] = DemoData.Customers.Length,
        ["CustomerAddress"] = DemoData.Addresses.Length, ["Conversation"] = DemoData.Conversations.Length,
        ["Message"] = DemoData.Messages.Length, ["MemoryNote"] = DemoData.MemoryNotes.Length,
        ["JobItem"] = DemoData.JobItems.Length, ["JobEvent"] = DemoData.JobEvents.Length,
    };

    [Test]
    public async Task Migrate_with_the_Development_profile_seeds_the_demo_set_with_every_reference_valid()
    {
        var result = await JunkquoteDatabase.Profile(_db, "Development").MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { "DevelopmentSeed" }));
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(DemoCounts));
        Assert.That(SeedChecks.DanglingReferences(_db), Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(_db.Count("SELECT count(*) FROM \"Lead\" WHERE customer_id IS NULL"), Is.Zero, "every demo lead belongs to a customer");
            Assert.That(_db.Count("SELECT count(*) FROM \"Job\" j JOIN \"Lead\" l ON l.id = j.\"leadId\" WHERE j.customer_id <> l.customer_id"), Is.Zero,
                "a job's customer is its lead's");
            Assert.That(_db.Count("SELECT count(*) FROM \"Conversation\" c JOIN \"Lead\" l ON l.id = c.lead_id WHERE c.customer_id <> l.customer_id"), Is.Zero,
                "a conversation's customer is its lead's");
            Assert.That(_db.Count("SELECT count(*) FROM \"Job\" j JOIN \"Quote\" q ON q.id = j.\"quoteId\" WHERE q.\"leadId\" <> j.\"leadId\""), Is.Zero,
                "a job's quote is for its lead");
            Assert.That(_db.Count("SELECT count(*) FROM \"Conversation\" c WHERE NOT EXISTS (SELECT 1 FROM \"Message\" m WHERE m.conversation_id = c.id)"), Is.Zero,
                "every conversation has messages");
            Assert.That(_db.Count("SELECT count(*) FROM \"Conversation\" c WHERE c.last_message_at <> (SELECT max(m.created_at) FROM \"Message\" m WHERE m.conversation_id = c.id)"), Is.Zero,
                "last_message_at is the last message's time");
            Assert.That(_db.Count("SELECT count(DISTINCT role) FROM \"Message\""), Is.EqualTo(4), "every MessageRole is shown");
        });
    }

    [Test]
    public async Task After_rolling_back_Batch_1_seeding_skips_the_memory_tables_with_a_log_line()
    {
        await JunkquoteDatabase.Profile(_db, "Development").MigrateUpAsync();
        await JunkquoteDatabase.RollingBack(_db).RollbackToVersionAsync(JunkquoteVersions.Baseline);
        var log = new CapturingLogger();

        var result = await JunkquoteDatabase.Profile(_db, "Development", logger: log).SeedAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { "DevelopmentSeed" }));
        Assert.That(log.Lines, Has.Some.Contains("skipped customers").And.Contains("Batch 1 not applied"));
        var baseline = DemoCounts.Where(c => c.Key is "User" or "Crew" or "PricingRule" or "Lead" or "LeadPhoto" or "Quote" or "Job" or "AuditLog");
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(baseline));
        Assert.That(SeedChecks.DanglingReferences(_db), Is.Empty);
    }

    [Test]
    public async Task After_rolling_back_Batch_2_seeding_changes_nothing()
    {
        await JunkquoteDatabase.Profile(_db, "Development").MigrateUpAsync();
        await JunkquoteDatabase.RollingBack(_db).RollbackToVersionAsync(JunkquoteVersions.Batch1);
        var checksum = SeedChecks.Checksum(_db);

        await JunkquoteDatabase.Profile(_db, "Development").SeedAsync();

        Assert.That(SeedChecks.Checksum(_db), Is.EqualTo(checksum), "Batch 2's rollback keeps the demo customers (their ids are not lead ids)");
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(DemoCounts));
        Assert.That(SeedChecks.DanglingReferences(_db), Is.Empty);
    }

    [Test]
    public async Task Rolling_back_over_the_demo_set_needs_allow_data_loss()
    {
        await JunkquoteDatabase.Profile(_db, "Development").MigrateUpAsync();
        var checksum = SeedChecks.Checksum(_db);

        Assert.That(async () => await JunkquoteDatabase.Runner(_db).RollbackToVersionAsync(JunkquoteVersions.Baseline),
            Throws.InstanceOf<global::Migrations.Engine.DataLossException>());
        Assert.That(Harness.JournalVersions(_db), Has.Count.EqualTo(3));
        Assert.That(SeedChecks.Checksum(_db), Is.EqualTo(checksum), "nothing changed");
    }

    [Test]
    public async Task On_an_empty_database_seeding_skips_everything_with_a_log_line()
    {
        var log = new CapturingLogger();

        await JunkquoteDatabase.Profile(_db, "Development", logger: log).SeedAsync();

        Assert.That(log.Lines, Has.Some.Contains("skipped entirely").And.Contains("Baseline not applied"));
        Assert.That(SeedChecks.Counts(_db), Is.Empty);
    }

    [Test]
    public async Task Migrating_up_again_after_a_rollback_to_Baseline_gives_exactly_the_demo_set_a_fresh_database_gets()
    {
        var runner = JunkquoteDatabase.Profile(_db, "Development");
        await runner.MigrateUpAsync();
        var fresh = SeedChecks.Checksum(_db);
        await runner.RollbackToVersionAsync(JunkquoteVersions.Baseline);
        await runner.SeedAsync();

        // Batch 2 now backfills customers and conversations from the demo leads; the profile replaces them with the demo ones.
        var result = await runner.MigrateUpAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(new[] { JunkquoteVersions.Batch1, JunkquoteVersions.Batch2 }));
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(DemoCounts));
        Assert.That(SeedChecks.DanglingReferences(_db), Is.Empty);
        Assert.That(SeedChecks.Checksum(_db), Is.EqualTo(fresh));
    }

    [Test]
    public async Task Rows_a_developer_edited_are_left_as_they_are()
    {
        var runner = JunkquoteDatabase.Profile(_db, "Development");
        await runner.MigrateUpAsync();
        _db.Execute($"UPDATE \"Lead\" SET status = 'lost' WHERE id = '{DemoData.Leads[5].Id}'");

        await runner.SeedAsync();

        Assert.That(_db.Scalar($"SELECT status FROM \"Lead\" WHERE id = '{DemoData.Leads[5].Id}'"), Is.EqualTo("lost"));
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(DemoCounts));
    }
}
