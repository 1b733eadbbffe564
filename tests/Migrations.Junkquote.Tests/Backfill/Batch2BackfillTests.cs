using Migrations.Testing;

namespace Migrations.Junkquote.Tests.Backfill;

/// <summary>Batch 2's backfill over messy leads: one customer per real person, nothing lost, nothing duplicated.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class Batch2BackfillTests(Provider provider)
{
    private TestDatabase _db = null!;
    private List<object?[]> _leadsBefore = null!;

    [SetUp]
    public async Task MigrateMessyLeadsToBatch2()
    {
        _db = TestDatabase.Create(provider, "junkquote");
        var runner = JunkquoteDatabase.Runner(_db);
        await runner.MigrateUpAsync(JunkquoteVersions.Batch1);
        MessyLeads.Insert(_db);
        _leadsBefore = LeadsWithoutCustomer();
        await runner.MigrateUpAsync(JunkquoteVersions.Batch2);
    }

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    private List<object?[]> LeadsWithoutCustomer() =>
        _db.Query("SELECT id, name, phone, email, source, \"stateMetadata\", \"createdAt\", \"updatedAt\" FROM \"Lead\" ORDER BY id");

    private string CustomerOf(string leadId) => Convert.ToString(_db.Scalar($"SELECT customer_id FROM \"Lead\" WHERE id = '{leadId}'"), System.Globalization.CultureInfo.InvariantCulture)!;

    private string Time(string column) => provider == Provider.Postgres
        ? $"to_char({column}, 'YYYY-MM-DD HH24:MI:SS')"
        : $"strftime('%Y-%m-%d %H:%M:%S', {column})";

    [Test]
    public void Every_lead_survives_unchanged_and_is_linked_to_a_customer()
    {
        Assert.That(LeadsWithoutCustomer(), Is.EqualTo(_leadsBefore), "no lead column but customer_id changes");
        Assert.That(_db.Count("SELECT count(*) FROM \"Lead\""), Is.EqualTo(MessyLeads.LeadCount));
        Assert.That(_db.Count("SELECT count(*) FROM \"Lead\" WHERE customer_id IS NULL"), Is.Zero);
    }

    [Test]
    public void Leads_of_one_person_share_one_customer_matched_on_phone_or_email()
    {
        Assert.That(_db.Count("SELECT count(*) FROM \"Customer\""), Is.EqualTo(5));

        // Ada: same phone written two ways, same email in two cases, one lead with only the email.
        Assert.That(new[] { CustomerOf(MessyLeads.AdaAgain), CustomerOf(MessyLeads.AdaEmailOnly) }, Is.All.EqualTo(CustomerOf(MessyLeads.AdaFirst)));
        // Dave and Eve share a phone; Eve's second lead shares only her email: one chain, one customer.
        Assert.That(new[] { CustomerOf(MessyLeads.EveSharesDavesPhone), CustomerOf(MessyLeads.EveAgain) }, Is.All.EqualTo(CustomerOf(MessyLeads.Dave)));
        // Bob's two leads have nothing in common, so they cannot be told apart from two people.
        Assert.That(CustomerOf(MessyLeads.BobPhoneOnly), Is.Not.EqualTo(CustomerOf(MessyLeads.BobEmailOnly)));
        Assert.That(new[] { MessyLeads.AdaFirst, MessyLeads.BobPhoneOnly, MessyLeads.BobEmailOnly, MessyLeads.CarolMalformed, MessyLeads.Dave }
            .Select(CustomerOf).Distinct().Count(), Is.EqualTo(5));
    }

    [Test]
    public void Customers_take_normalised_contact_details_from_their_newest_lead()
    {
        var ada = _db.Query($"SELECT name, phone, email FROM \"Customer\" WHERE id = '{CustomerOf(MessyLeads.AdaFirst)}'").Single();
        Assert.That(ada, Is.EqualTo(new object?[] { "Ada Lovelace", "5551234567", "ada@example.com" }));

        var eve = _db.Query($"SELECT name, phone, email FROM \"Customer\" WHERE id = '{CustomerOf(MessyLeads.Dave)}'").Single();
        Assert.That(eve, Is.EqualTo(new object?[] { "Eve", "5550001111", "eve@example.com" }), "a blank name is no name");

        var carol = _db.Query($"SELECT name, phone, email FROM \"Customer\" WHERE id = '{CustomerOf(MessyLeads.CarolMalformed)}'").Single();
        Assert.That(carol, Is.EqualTo(new object?[] { "Carol", null, null }), "malformed contact details stay on the lead only");
    }

    [Test]
    public void No_phone_or_email_belongs_to_two_customers()
    {
        Assert.That(_db.Count("SELECT count(*) FROM (SELECT phone FROM \"Customer\" WHERE phone IS NOT NULL GROUP BY phone HAVING count(*) > 1) d"), Is.Zero);
        Assert.That(_db.Count("SELECT count(*) FROM (SELECT email FROM \"Customer\" WHERE email IS NOT NULL GROUP BY email HAVING count(*) > 1) d"), Is.Zero);
    }

    [Test]
    public void Conversations_come_from_the_audit_log_and_from_leads_with_history()
    {
        var conversations = _db.Query($"""
            SELECT lead_id, customer_id, channel, {Time("created_at")}, {Time("last_message_at")} FROM "Conversation" ORDER BY lead_id
            """).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "null"))).ToArray();

        Assert.That(conversations, Is.EqualTo(new[]
        {
            $"{MessyLeads.AdaFirst}|{CustomerOf(MessyLeads.AdaFirst)}|sms|2025-10-01 10:00:00|2025-10-01 10:06:00",
            $"{MessyLeads.AdaAgain}|{CustomerOf(MessyLeads.AdaFirst)}|web|2025-10-03 09:00:00|2025-10-03 09:00:00",
            $"{MessyLeads.BobPhoneOnly}|{CustomerOf(MessyLeads.BobPhoneOnly)}|voice|2025-10-02 08:00:00|2025-10-02 08:00:00",
        }));
    }

    [Test]
    public void Messages_come_from_stateMetadata_with_roles_mapped_and_junk_entries_skipped()
    {
        var messages = _db.Query($"""
            SELECT c.lead_id, CAST(m.role AS text), m.content, {Time("m.created_at")} FROM "Message" m JOIN "Conversation" c ON c.id = m.conversation_id
            ORDER BY c.lead_id, m.created_at
            """).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToArray();

        Assert.That(messages, Is.EqualTo(new[]
        {
            $"{MessyLeads.AdaFirst}|user|Can you take a couch?|2025-10-01 10:05:00",
            $"{MessyLeads.AdaFirst}|assistant|Sure, send a photo.|2025-10-01 10:06:00",
            $"{MessyLeads.AdaAgain}|assistant|Welcome back!|2025-10-03 09:00:00",
        }));
    }

    [Test]
    public void Each_message_keeps_its_original_entry()
    {
        var metadata = (string)_db.Scalar(provider == Provider.Postgres
            ? "SELECT metadata::text FROM \"Message\" WHERE content = 'Welcome back!'"
            : "SELECT metadata FROM \"Message\" WHERE content = 'Welcome back!'")!;

        Assert.That(metadata, Does.Contain("not a date").And.Contain("Lead.stateMetadata"));
    }

    [Test]
    public async Task Rolling_back_batch_2_keeps_every_lead_and_empties_what_the_backfill_made()
    {
        await JunkquoteDatabase.RollingBack(_db).RollbackAsync(1);

        Assert.That(LeadsWithoutCustomer(), Is.EqualTo(_leadsBefore));
        Assert.That(_db.Count("SELECT count(*) FROM \"Lead\" WHERE customer_id IS NOT NULL"), Is.Zero);
        Assert.That(_db.Count("SELECT count(*) FROM \"Customer\""), Is.Zero);
        Assert.That(_db.Count("SELECT count(*) FROM \"Conversation\""), Is.Zero);
        Assert.That(_db.Count("SELECT count(*) FROM \"Message\""), Is.Zero);
        Assert.That(_db.Count("SELECT count(*) FROM \"AuditLog\""), Is.EqualTo(4));
    }

    [Test]
    public async Task Backfill_after_a_rollback_gives_the_same_customers_again()
    {
        var first = _db.Query("SELECT id, name, phone, email FROM \"Customer\" ORDER BY id");
        var runner = JunkquoteDatabase.RollingBack(_db);
        await runner.RollbackAsync(1);

        await runner.MigrateUpAsync();

        Assert.That(_db.Query("SELECT id, name, phone, email FROM \"Customer\" ORDER BY id"), Is.EqualTo(first));
        Assert.That(_db.Count("SELECT count(*) FROM \"Message\""), Is.EqualTo(3));
    }

    [Test]
    public void Rolling_back_refuses_to_delete_a_customer_the_app_has_since_given_an_address()
    {
        _db.Execute($"INSERT INTO \"CustomerAddress\" (customer_id, line1) VALUES ('{CustomerOf(MessyLeads.AdaFirst)}', '12 Analytical Way')");

        var refused = Assert.CatchAsync(async () => await JunkquoteDatabase.RollingBack(_db).RollbackAsync(1));
        Assert.That(refused, Is.Not.InstanceOf<global::Migrations.Engine.DataLossException>(), "the RESTRICT, not the data-loss guard, stops it");
        Assert.That(Harness.JournalVersions(_db), Does.Contain(JunkquoteVersions.Batch2), "the failed rollback left Batch 2 applied");
        Assert.That(_db.Count("SELECT count(*) FROM \"CustomerAddress\""), Is.EqualTo(1));
        Assert.That(_db.Count("SELECT count(*) FROM \"Customer\""), Is.EqualTo(5));
    }
}
