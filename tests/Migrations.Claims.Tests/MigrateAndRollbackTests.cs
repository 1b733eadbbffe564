using Migrations.Claims.Tests.Support;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>
/// What migrating to latest makes of claims. The batches' order, the journal, a second migrate,
/// the rollback to empty and every step's reversibility are the conformance suite's
/// (<see cref="ClaimsConformanceTests"/>).
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class MigrateAndRollbackTests(Provider provider) : ClaimsDatabaseTest(provider)
{
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
}
