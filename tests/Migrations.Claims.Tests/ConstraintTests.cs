using Migrations.Claims.Tests.Support;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>The unique and check rules the application relies on are enforced by the database.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ConstraintTests(Provider provider) : ClaimsDatabaseTest(provider)
{
    [SetUp]
    public async Task MigrateWithAClaimAndACompany()
    {
        await MigrateToLatestAsync();
        Db.Execute(Rows.Claim("c1", "org"));
        Db.Execute(Rows.Company(Rows.CompanyA, "A"));
        Db.Execute(Rows.Company(Rows.CompanyB, "B"));
    }

    [Test]
    public void A_company_is_assigned_to_a_claim_at_most_once()
    {
        Db.Execute(Rows.ClaimContractor("cc1", "c1", Rows.CompanyA));
        Db.Execute(Rows.ClaimContractor("cc2", "c1", Rows.CompanyB, "subcontractor"));

        AssertRefused(Rows.ClaimContractor("cc3", "c1", Rows.CompanyA, "consultant"), "@@unique([claimId, companyId])");
    }

    [TestCase("primary_contractor")]
    [TestCase("subcontractor")]
    [TestCase("consultant")]
    public void The_three_documented_roles_are_accepted(string role)
    {
        Db.Execute(Rows.ClaimContractor("cc1", "c1", Rows.CompanyA, role));

        Assert.That(Db.Scalar("SELECT \"role\" FROM \"ClaimContractor\""), Is.EqualTo(role));
    }

    [Test]
    public void Any_other_role_is_refused()
    {
        AssertRefused(Rows.ClaimContractor("cc1", "c1", Rows.CompanyA, "plumber"), "role is one of the three the seed lists");
    }

    [Test]
    public void Report_states_are_the_four_queue_states()
    {
        foreach (var (state, i) in new[] { "queued", "processing", "completed", "failed" }.Select((s, i) => (s, i)))
        {
            Db.Execute($"INSERT INTO \"ai_reports\" (\"id\", \"claimId\", \"orgId\", \"type\", \"status\") VALUES ('r{i}', 'c1', 'org', 'summary', '{state}')");
            Db.Execute($"INSERT INTO \"report_queue\" (\"id\", \"reportId\", \"claimId\", \"orgId\", \"status\") VALUES ('q{i}', 'r{i}', 'c1', 'org', '{state}')");
        }

        AssertRefused("INSERT INTO \"ai_reports\" (\"id\", \"claimId\", \"orgId\", \"type\", \"status\") VALUES ('rx', 'c1', 'org', 'summary', 'done')", "ai_reports.status");
        AssertRefused("INSERT INTO \"report_queue\" (\"id\", \"reportId\", \"claimId\", \"orgId\", \"status\") VALUES ('qx', 'r0', 'c1', 'org', 'done')", "report_queue.status");
        Assert.That(Db.Count("SELECT count(*) FROM \"ai_reports\""), Is.EqualTo(4));
    }

    [Test]
    public void A_portal_token_opens_one_link_only()
    {
        Db.Execute("INSERT INTO \"PortalLink\" (\"id\", \"claimId\", \"token\") VALUES ('l1', 'c1', 'tok')");

        AssertRefused("INSERT INTO \"PortalLink\" (\"id\", \"claimId\", \"token\") VALUES ('l2', 'c1', 'tok')", "PortalLink_token_key");
    }
}
