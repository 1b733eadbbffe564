using Migrations.Junkquote.Migrations;
using Migrations.Testing;

namespace Migrations.Junkquote.Tests.Schema;

/// <summary>Batch 2's constraints: NOT NULL on the critical fields, unique customer phone and email.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class Batch2ConstraintTests(Provider provider)
{
    private TestDatabase _db = null!;

    [SetUp]
    public async Task Migrate()
    {
        _db = TestDatabase.Create(provider, "junkquote");
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync();
    }

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    [Test]
    public void Batch_2_adds_no_table_so_latest_has_the_15_of_batch_1()
    {
        Assert.That(SchemaSnapshot.Tables(_db), Has.Count.EqualTo(15));
    }

    [Test]
    public void Critical_parent_references_are_not_null_and_set_null_references_stay_nullable()
    {
        foreach (var (table, column) in Batch2BackfillAndConstraints.CriticalForeignKeys)
        {
            Assert.That(JunkquoteDatabase.IsNullable(_db, table, column), Is.False, $"{table}.{column}");
        }

        Assert.That(JunkquoteDatabase.IsNullable(_db, "Lead", "customer_id"), Is.True);
        Assert.That(JunkquoteDatabase.IsNullable(_db, "Job", "customer_id"), Is.True);
        Assert.That(JunkquoteDatabase.IsNullable(_db, "Conversation", "lead_id"), Is.True);
        Assert.That(() => _db.Execute("INSERT INTO \"MemoryNote\" (key, content) VALUES ('pets', 'two dogs')"), Throws.Exception);
    }

    [Test]
    public void The_constraints_keep_their_delete_rules()
    {
        Assert.That(JunkquoteDatabase.DeleteRule(_db, "Message", "conversation_id"), Is.EqualTo("CASCADE"));
        Assert.That(JunkquoteDatabase.DeleteRule(_db, "CustomerAddress", "customer_id"), Is.EqualTo("RESTRICT"));
        Assert.That(JunkquoteDatabase.DeleteRule(_db, "JobEvent", "job_id"), Is.EqualTo("CASCADE"));
    }

    [TestCase("phone", "'5551234567'", "Customer_phone_key")]
    [TestCase("email", "'ada@example.com'", "Customer_email_key")]
    public void A_phone_or_email_belongs_to_one_customer(string column, string value, string constraint)
    {
        _db.Execute($"INSERT INTO \"Customer\" (name, {column}) VALUES ('Ada', {value})");

        Assert.That(() => _db.Execute($"INSERT INTO \"Customer\" (name, {column}) VALUES ('Someone else', {value})"), Throws.Exception);
        var named = provider == Provider.Postgres
            ? _db.Count($"SELECT count(*) FROM pg_constraint WHERE conname = '{constraint}' AND contype = 'u'")
            : _db.Count($"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '{constraint}' AND sql LIKE 'CREATE UNIQUE INDEX%'");
        Assert.That(named, Is.EqualTo(1), constraint);
    }

    [Test]
    public void Customers_without_phone_or_email_do_not_collide()
    {
        _db.Execute("INSERT INTO \"Customer\" (name) VALUES ('Walk-in one')");
        _db.Execute("INSERT INTO \"Customer\" (name) VALUES ('Walk-in two')");

        Assert.That(_db.Count("SELECT count(*) FROM \"Customer\""), Is.EqualTo(2));
    }
}
