using Migrations.Claims.Tests.Support;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>The ON DELETE rules hold when rows are actually deleted.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class DeleteRulesTests(Provider provider) : ClaimsDatabaseTest(provider)
{
    [SetUp]
    public async Task MigrateWithAClaimAndACompany()
    {
        await MigrateToLatestAsync();
        Db.Execute(Rows.Claim("c1", "org"));
        Db.Execute(Rows.Claim("c2", "org"));
        Db.Execute(Rows.Company(Rows.CompanyA, "A"));
        Db.Execute(Rows.Company(Rows.CompanyB, "B"));
    }

    [Test]
    public void Deleting_a_claim_detaches_its_client_pro_connections()
    {
        Db.Execute(Rows.Connection("p1", Rows.CompanyA, "c1"));
        Db.Execute(Rows.Connection("p2", Rows.CompanyA, "c2"));

        Db.Execute("DELETE FROM \"claims\" WHERE \"id\" = 'c1'");

        Assert.That(Db.Query("SELECT \"id\", \"claimId\" FROM \"ClientProConnection\" ORDER BY \"id\"").Select(r => (r[0], r[1])),
            Is.EqualTo(new (object?, object?)[] { ("p1", null), ("p2", "c2") }));
    }

    [Test]
    public void A_connection_cannot_point_at_a_claim_that_does_not_exist()
    {
        AssertRefused(Rows.Connection("p1", Rows.CompanyA, "no-such-claim"), "claimId references claims");
    }

    [Test]
    public void A_claim_with_contractors_cannot_be_deleted()
    {
        Db.Execute(Rows.ClaimContractor("cc1", "c1", Rows.CompanyA));

        AssertRefused("DELETE FROM \"claims\" WHERE \"id\" = 'c1'", "ClaimContractor.claimId is ON DELETE RESTRICT");
        Assert.That(Db.Count("SELECT count(*) FROM \"ClaimContractor\""), Is.EqualTo(1));
        Db.Execute("DELETE FROM \"claims\" WHERE \"id\" = 'c2'");
        Assert.That(Db.Count("SELECT count(*) FROM \"claims\""), Is.EqualTo(1), "a claim without contractors is deleted");
    }

    [Test]
    public void A_company_with_assignments_cannot_be_deleted()
    {
        Db.Execute(Rows.ClaimContractor("cc1", "c1", Rows.CompanyA));

        AssertRefused($"DELETE FROM \"tradesCompany\" WHERE \"id\" = '{Rows.CompanyA}'", "ClaimContractor.companyId is ON DELETE RESTRICT");
        Db.Execute($"DELETE FROM \"tradesCompany\" WHERE \"id\" = '{Rows.CompanyB}'");
        Assert.That(Db.Count("SELECT count(*) FROM \"tradesCompany\""), Is.EqualTo(1));
    }

    [Test]
    public void Removing_the_assignment_first_lets_the_claim_go()
    {
        Db.Execute(Rows.ClaimContractor("cc1", "c1", Rows.CompanyA));

        Db.Execute("DELETE FROM \"ClaimContractor\" WHERE \"id\" = 'cc1'");
        Db.Execute("DELETE FROM \"claims\" WHERE \"id\" = 'c1'");

        Assert.That(Db.Count("SELECT count(*) FROM \"claims\" WHERE \"id\" = 'c1'"), Is.Zero);
    }

    [Test]
    public void Deleting_a_claim_deletes_its_events_documents_timeline_portal_links_and_reports()
    {
        foreach (var claim in new[] { "c1", "c2" })
        {
            Db.Execute(Rows.Event($"ev-{claim}", claim, "note_added", "2026-01-01 09:00:00"));
            Db.Execute(Rows.ClaimDocument($"doc-{claim}", claim, 10));
            Db.Execute($"INSERT INTO \"ClaimTimelineEvent\" (\"id\", \"claimId\", \"type\", \"title\") VALUES ('t-{claim}', '{claim}', 'status', 'Opened')");
            Db.Execute($"INSERT INTO \"PortalLink\" (\"id\", \"claimId\", \"token\") VALUES ('l-{claim}', '{claim}', 'token-{claim}')");
            Db.Execute($"INSERT INTO \"ai_reports\" (\"id\", \"claimId\", \"orgId\", \"type\") VALUES ('r-{claim}', '{claim}', 'org', 'summary')");
        }

        Db.Execute("DELETE FROM \"claims\" WHERE \"id\" = 'c1'");

        foreach (var table in new[] { "claim_events", "claim_documents", "ClaimTimelineEvent", "PortalLink", "ai_reports" })
        {
            Assert.That(Db.Query($"SELECT \"claimId\" FROM \"{table}\"").Select(r => r[0]), Is.EqualTo(new[] { "c2" }), table);
        }
    }

    [Test]
    public void Deleting_a_company_deletes_its_client_connections()
    {
        Db.Execute(Rows.Connection("p1", Rows.CompanyA, null));
        Db.Execute(Rows.Connection("p2", Rows.CompanyB, null));

        Db.Execute($"DELETE FROM \"tradesCompany\" WHERE \"id\" = '{Rows.CompanyA}'");

        Assert.That(Db.Query("SELECT \"id\" FROM \"ClientProConnection\"").Select(r => r[0]), Is.EqualTo(new[] { "p2" }));
    }
}
