using Migrations.Junkquote.Seeding;
using Migrations.Testing;

namespace Migrations.Junkquote.Tests.Seeding;

/// <summary>The Staging profile: deterministic volume data, sized by the seed scale, replaced (not doubled) by every seed.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class StagingSeedTests(Provider provider)
{
    private const int Scale = 240;

    private TestDatabase _db = null!;

    [SetUp]
    public void CreateDatabase() => _db = TestDatabase.Create(provider, "junkquote");

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    private static Dictionary<string, long> Expected(StagingVolume v) => new()
    {
        ["User"] = v.Users, ["Crew"] = v.Crews, ["PricingRule"] = v.PricingRules, ["Lead"] = v.Leads, ["LeadPhoto"] = v.Photos,
        ["Quote"] = v.Quotes, ["Job"] = v.Jobs, ["AuditLog"] = v.AuditEntries, ["Customer"] = v.Customers,
        ["CustomerAddress"] = v.Addresses, ["Conversation"] = v.Conversations, ["Message"] = v.Messages,
        ["MemoryNote"] = v.MemoryNotes, ["JobItem"] = v.JobItems, ["JobEvent"] = v.JobEvents,
    };

    [Test]
    public async Task Seeds_the_volume_of_the_scale_with_every_reference_and_constraint_satisfied()
    {
        var result = await JunkquoteDatabase.Profile(_db, "Staging", Scale).MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { "StagingSeed" }));
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(Expected(new StagingVolume(Scale))));
        Assert.That(SeedChecks.DanglingReferences(_db), Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(_db.Count("SELECT count(*) FROM \"Lead\" l JOIN \"Customer\" c ON c.id = l.customer_id WHERE l.phone <> c.phone OR l.email <> c.email"), Is.Zero,
                "a lead carries its customer's phone and email");
            Assert.That(_db.Count("SELECT count(*) FROM \"Job\" j JOIN \"Lead\" l ON l.id = j.\"leadId\" WHERE j.customer_id <> l.customer_id"), Is.Zero);
            Assert.That(_db.Count("SELECT count(*) FROM \"Job\" j JOIN \"Quote\" q ON q.id = j.\"quoteId\" WHERE q.\"leadId\" <> j.\"leadId\""), Is.Zero);
            Assert.That(_db.Count("SELECT count(*) FROM \"Conversation\" c JOIN \"Lead\" l ON l.id = c.lead_id WHERE c.customer_id <> l.customer_id"), Is.Zero);
            Assert.That(_db.Count("SELECT count(*) FROM \"Conversation\" c WHERE c.last_message_at <> (SELECT max(m.created_at) FROM \"Message\" m WHERE m.conversation_id = c.id)"), Is.Zero);
            Assert.That(_db.Count("SELECT count(*) FROM \"Quote\" WHERE \"highEstimate\" < \"lowEstimate\""), Is.Zero);
            Assert.That(_db.Count("SELECT count(DISTINCT phone) FROM \"Customer\""), Is.EqualTo(new StagingVolume(Scale).Customers));
        });
    }

    [Test]
    public async Task A_smaller_scale_replaces_the_previous_staging_rows_and_keeps_the_demo_rows()
    {
        await JunkquoteDatabase.Profile(_db, "Development").MigrateUpAsync();
        await JunkquoteDatabase.Profile(_db, "Staging", 3 * Scale).SeedAsync();

        await JunkquoteDatabase.Profile(_db, "Staging", Scale).SeedAsync();

        var v = new StagingVolume(Scale);
        Assert.That(SeedChecks.Count(_db, "Message"), Is.EqualTo(v.Messages + DemoData.Messages.Length));
        Assert.That(SeedChecks.Count(_db, "Lead"), Is.EqualTo(v.Leads + DemoData.Leads.Length));
        Assert.That(SeedChecks.Count(_db, "Customer"), Is.EqualTo(v.Customers + DemoData.Customers.Length));
        Assert.That(SeedChecks.DanglingReferences(_db), Is.Empty);
    }

    [Test]
    public async Task At_a_scale_of_100000_the_Message_table_gets_exactly_100000_generated_rows()
    {
        const int scale = 100_000;
        var result = await JunkquoteDatabase.Profile(_db, "Staging", scale).MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { "StagingSeed" }));
        var counts = SeedChecks.Counts(_db);
        Assert.That(counts["Message"], Is.EqualTo(scale));
        Assert.That(_db.Count($"SELECT count(*) FROM \"Message\" WHERE {SeedKeys.Staging.Contains("id")}"), Is.EqualTo(scale), "all of them generated");
        Assert.That(counts.MaxBy(c => c.Value).Key, Is.EqualTo("Message"), "Message is the largest table");
        Assert.That(counts, Is.EquivalentTo(Expected(new StagingVolume(scale))));
        Assert.That(_db.Count("SELECT count(*) FROM \"Message\" m WHERE NOT EXISTS (SELECT 1 FROM \"Conversation\" c WHERE c.id = m.conversation_id)"), Is.Zero);
    }

    [Test]
    public async Task After_rolling_back_to_Baseline_seeding_skips_the_missing_tables_and_migrating_up_again_restores_the_set()
    {
        var runner = JunkquoteDatabase.Profile(_db, "Staging", Scale);
        await runner.MigrateUpAsync();
        var fresh = SeedChecks.Checksum(_db);
        await runner.RollbackToVersionAsync(JunkquoteVersions.Baseline);
        var log = new CapturingLogger();

        await JunkquoteDatabase.Profile(_db, "Staging", Scale, log).SeedAsync();

        Assert.That(log.Lines, Has.Some.Contains("Staging seed: skipped table(s)").And.Contains("Message"));
        var v = new StagingVolume(Scale);
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(Expected(v).Where(c => c.Key is "User" or "Crew" or "PricingRule" or "Lead" or "LeadPhoto" or "Quote" or "Job" or "AuditLog")));
        Assert.That(SeedChecks.DanglingReferences(_db), Is.Empty);

        // Batch 2 backfills customers and conversations from the staging leads; the seed replaces its whole key space.
        await runner.MigrateUpAsync();
        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(Expected(v)));
        Assert.That(SeedChecks.DanglingReferences(_db), Is.Empty);
        Assert.That(SeedChecks.Checksum(_db), Is.EqualTo(fresh));
    }

    [Test]
    public async Task After_rolling_back_Batch_2_seeding_still_succeeds_on_Batch_1()
    {
        var runner = JunkquoteDatabase.Profile(_db, "Staging", Scale);
        await runner.MigrateUpAsync();
        await runner.RollbackToVersionAsync(JunkquoteVersions.Batch1);

        await runner.SeedAsync();

        Assert.That(SeedChecks.Counts(_db), Is.EquivalentTo(Expected(new StagingVolume(Scale))));
        Assert.That(SeedChecks.DanglingReferences(_db), Is.Empty);
    }
}
