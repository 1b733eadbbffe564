using Migrations.Filetrack.Tests.Support;
using Migrations.Testing;

namespace Migrations.Filetrack.Tests;

/// <summary>The ON DELETE rules hold when rows are deleted: a user's own data goes, shared history is kept anonymised.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class OnDeleteTests(Provider provider)
{
    private const string Ada = "00000000-0000-0000-0000-0000000000a1";
    private const string Bob = "00000000-0000-0000-0000-0000000000b2";
    private const string Org = "00000000-0000-0000-0000-00000000000c";
    private const string Workflow = "00000000-0000-0000-0000-00000000000d";
    private const string Version = "00000000-0000-0000-0000-00000000000e";
    private const string Session = "00000000-0000-0000-0000-00000000000f";
    private const string Offer = "00000000-0000-0000-0000-000000000010";

    private TestDatabase _db = null!;

    [SetUp]
    public async Task CreateDatabaseWithData()
    {
        _db = TestDatabase.Create(provider, "filetrack");
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();
        _db.Execute($"""
            INSERT INTO "users" ("id", "email") VALUES ('{Ada}', 'ada@example.com'), ('{Bob}', 'bob@example.com');
            INSERT INTO "sessions" ("id", "userId", "token", "expiresAt") VALUES ('{Session}', '{Ada}', 'tok-ada', '2030-01-01 00:00:00+00');
            INSERT INTO "mfa_enforced_sessions" ("sessionId", "userId", "method", "expiresAt") VALUES ('{Session}', '{Ada}', 'totp', '2030-01-01 00:00:00+00');
            INSERT INTO "events" ("userId", "filePath", "eventType") VALUES ('{Ada}', '/a.txt', 'created');
            INSERT INTO "telemetry_events" ("userId", "eventName") VALUES ('{Ada}', 'app_opened');
            INSERT INTO "organizations" ("id", "name", "slug", "ownerId") VALUES ('{Org}', 'Acme', 'acme', '{Ada}');
            INSERT INTO "organization_members" ("organizationId", "userId", "role") VALUES ('{Org}', '{Ada}', 'owner'), ('{Org}', '{Bob}', 'member');
            INSERT INTO "workflows" ("id", "userId", "organizationId", "name") VALUES ('{Workflow}', '{Bob}', '{Org}', 'Sort downloads');
            INSERT INTO "workflow_versions" ("id", "workflowId", "version", "definition", "createdBy") VALUES ('{Version}', '{Workflow}', 1, '{"{}"}', '{Ada}');
            INSERT INTO "workflow_executions" ("workflowId", "workflowVersionId", "triggeredBy") VALUES ('{Workflow}', '{Version}', '{Ada}');
            INSERT INTO "audit_logs" ("userId", "organizationId", "action", "resourceType") VALUES ('{Ada}', '{Org}', 'login', 'session');
            INSERT INTO "offers" ("id", "code", "name", "priceCents", "billingInterval") VALUES ('{Offer}', 'PRO', 'Pro', 900, 'month');
            INSERT INTO "subscriptions" ("userId", "offerId", "plan") VALUES ('{Bob}', '{Offer}', 'pro');
            INSERT INTO "nps_submissions" ("userId", "score") VALUES ('{Ada}', 9);
            INSERT INTO "utm_tracks" ("userId", "source") VALUES ('{Ada}', 'newsletter');
            """);
    }

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    private long Count(string table, string where = "1 = 1") => _db.Count($"SELECT count(*) FROM \"{table}\" WHERE {where}");

    [Test]
    public void Deleting_a_user_removes_their_own_data_and_anonymises_shared_history()
    {
        _db.Execute($"DELETE FROM \"users\" WHERE \"id\" = '{Ada}'");

        Assert.Multiple(() =>
        {
            Assert.That(Count("sessions"), Is.Zero, "sessions cascade");
            Assert.That(Count("mfa_enforced_sessions"), Is.Zero, "mfa sessions cascade");
            Assert.That(Count("events"), Is.Zero, "events cascade");
            Assert.That(Count("telemetry_events"), Is.Zero, "telemetry cascades (privacy first)");
            Assert.That(Count("organization_members", $"\"userId\" = '{Ada}'"), Is.Zero, "membership cascades");
            Assert.That(Count("organizations", "\"ownerId\" IS NULL"), Is.EqualTo(1), "the organisation stays without owner");
            Assert.That(Count("workflow_versions", "\"createdBy\" IS NULL"), Is.EqualTo(1), "versions keep, author set null");
            Assert.That(Count("workflow_executions", "\"triggeredBy\" IS NULL"), Is.EqualTo(1), "executions keep, trigger set null");
            Assert.That(Count("audit_logs", "\"userId\" IS NULL"), Is.EqualTo(1), "audit trail keeps, actor set null");
            Assert.That(Count("nps_submissions", "\"userId\" IS NULL AND \"score\" = 9"), Is.EqualTo(1), "NPS response kept anonymised");
            Assert.That(Count("utm_tracks", "\"userId\" IS NULL"), Is.EqualTo(1), "attribution kept anonymised");
        });
    }

    [Test]
    public void Deleting_a_session_ends_its_mfa_session()
    {
        _db.Execute($"DELETE FROM \"sessions\" WHERE \"id\" = '{Session}'");

        Assert.That(Count("mfa_enforced_sessions"), Is.Zero);
    }

    [Test]
    public void Deleting_an_organisation_removes_members_and_workflows_and_keeps_its_audit_trail()
    {
        _db.Execute($"DELETE FROM \"organizations\" WHERE \"id\" = '{Org}'");

        Assert.Multiple(() =>
        {
            Assert.That(Count("organization_members"), Is.Zero);
            Assert.That(Count("workflows"), Is.Zero);
            Assert.That(Count("workflow_versions"), Is.Zero, "versions cascade with their workflow");
            Assert.That(Count("workflow_executions"), Is.Zero, "executions cascade with their workflow");
            Assert.That(Count("audit_logs", "\"organizationId\" IS NULL"), Is.EqualTo(1));
            Assert.That(Count("users"), Is.EqualTo(2));
        });
    }

    [Test]
    public void Deleting_a_workflow_version_keeps_its_executions()
    {
        _db.Execute($"DELETE FROM \"workflow_versions\" WHERE \"id\" = '{Version}'");

        Assert.That(Count("workflow_executions", "\"workflowVersionId\" IS NULL"), Is.EqualTo(1));
    }

    [Test]
    public void Deleting_an_offer_keeps_the_subscriptions_bought_under_it()
    {
        _db.Execute($"DELETE FROM \"offers\" WHERE \"id\" = '{Offer}'");

        Assert.That(Count("subscriptions", "\"offerId\" IS NULL"), Is.EqualTo(1));
    }

    [Test]
    public void Updating_a_row_refreshes_its_updatedAt()
    {
        // INSERT does not fire the update trigger, so an old stamp can be planted first.
        const string Carol = "00000000-0000-0000-0000-0000000000c3";
        _db.Execute($"INSERT INTO \"users\" (\"id\", \"email\", \"updatedAt\") VALUES ('{Carol}', 'carol@example.com', '2000-01-01 00:00:00+00')");

        _db.Execute($"UPDATE \"users\" SET \"name\" = 'Carol' WHERE \"id\" = '{Carol}'");

        Assert.That(Count("users", $"\"id\" = '{Carol}' AND \"updatedAt\" > '2001-01-01'"), Is.EqualTo(1));
    }
}
