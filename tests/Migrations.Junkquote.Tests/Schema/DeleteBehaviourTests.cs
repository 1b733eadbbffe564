using Migrations.Testing;

namespace Migrations.Junkquote.Tests.Schema;

/// <summary>
/// The seed's "Foreign Key Actions", exercised on the latest schema with real rows: Customer's
/// dependents RESTRICT, Lead/Job to Customer SET NULL, parent to child records CASCADE.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class DeleteBehaviourTests(Provider provider)
{
    private const string CustomerId = "'10000000-0000-4000-8000-000000000001'";
    private const string LeadId = "'20000000-0000-4000-8000-000000000001'";
    private const string JobId = "'30000000-0000-4000-8000-000000000001'";
    private const string ConversationId = "'40000000-0000-4000-8000-000000000001'";

    private TestDatabase _db = null!;

    [SetUp]
    public async Task MigrateWithOneCustomer()
    {
        _db = TestDatabase.Create(provider, "junkquote");
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync();
        _db.Execute($"INSERT INTO \"Customer\" (id, name, phone) VALUES ({CustomerId}, 'Ada', '5551234567')");
        _db.Execute($"INSERT INTO \"Lead\" (id, name, customer_id) VALUES ({LeadId}, 'Ada', {CustomerId})");
        _db.Execute($"INSERT INTO \"Job\" (id, \"leadId\", customer_id) VALUES ({JobId}, {LeadId}, {CustomerId})");
    }

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    [Test]
    public void Deleting_a_customer_unlinks_its_leads_and_jobs()
    {
        _db.Execute($"DELETE FROM \"Customer\" WHERE id = {CustomerId}");

        Assert.That(_db.Count("SELECT count(*) FROM \"Lead\" WHERE customer_id IS NULL"), Is.EqualTo(1), "the lead stays, unlinked");
        Assert.That(_db.Count("SELECT count(*) FROM \"Job\" WHERE customer_id IS NULL"), Is.EqualTo(1), "the job stays, unlinked");
    }

    [TestCase("CustomerAddress", "customer_id, line1", "'1 Main St'")]
    [TestCase("Conversation", "customer_id, channel", "'sms'")]
    [TestCase("MemoryNote", "customer_id, key, content", "'pets', 'two dogs'")]
    public void Deleting_a_customer_with_dependents_is_restricted(string table, string columns, string values)
    {
        _db.Execute($"INSERT INTO \"{table}\" ({columns}) VALUES ({CustomerId}, {values})");

        Assert.That(() => _db.Execute($"DELETE FROM \"Customer\" WHERE id = {CustomerId}"), Throws.Exception);
        Assert.That(_db.Count("SELECT count(*) FROM \"Customer\""), Is.EqualTo(1));
        Assert.That(_db.Count($"SELECT count(*) FROM \"{table}\""), Is.EqualTo(1));
    }

    [Test]
    public void Deleting_a_conversation_deletes_its_messages()
    {
        _db.Execute($"INSERT INTO \"Conversation\" (id, customer_id, channel) VALUES ({ConversationId}, {CustomerId}, 'sms')");
        _db.Execute($"INSERT INTO \"Message\" (conversation_id, role, content) VALUES ({ConversationId}, 'user', 'How much for a couch?')");
        _db.Execute($"INSERT INTO \"Message\" (conversation_id, role, content) VALUES ({ConversationId}, 'assistant', 'About $120.')");

        _db.Execute($"DELETE FROM \"Conversation\" WHERE id = {ConversationId}");

        Assert.That(_db.Count("SELECT count(*) FROM \"Message\""), Is.Zero);
    }

    [Test]
    public void Deleting_a_job_deletes_its_items_and_events()
    {
        _db.Execute($"INSERT INTO \"JobItem\" (job_id, description, unit_price) VALUES ({JobId}, 'couch', 80)");
        _db.Execute($"INSERT INTO \"JobEvent\" (job_id, event_type, to_status) VALUES ({JobId}, 'status_changed', 'completed')");

        _db.Execute($"DELETE FROM \"Job\" WHERE id = {JobId}");

        Assert.That(_db.Count("SELECT count(*) FROM \"JobItem\""), Is.Zero);
        Assert.That(_db.Count("SELECT count(*) FROM \"JobEvent\""), Is.Zero);
        Assert.That(_db.Count("SELECT count(*) FROM \"Customer\""), Is.EqualTo(1), "the customer is not a child of the job");
    }

    [Test]
    public void Deleting_a_lead_keeps_its_conversation_without_the_lead()
    {
        _db.Execute($"INSERT INTO \"Conversation\" (id, customer_id, lead_id, channel) VALUES ({ConversationId}, {CustomerId}, {LeadId}, 'sms')");

        _db.Execute($"DELETE FROM \"Lead\" WHERE id = {LeadId}");

        Assert.That(_db.Count("SELECT count(*) FROM \"Conversation\" WHERE lead_id IS NULL"), Is.EqualTo(1));
        Assert.That(_db.Count("SELECT count(*) FROM \"Job\" WHERE \"leadId\" IS NULL"), Is.EqualTo(1));
    }
}
