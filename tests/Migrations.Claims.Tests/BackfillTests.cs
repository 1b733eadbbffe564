using System.Globalization;
using Migrations.Claims.Tests.Support;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>
/// Events and uploads written at the baseline version, as production holds them today; then
/// migrate, and the new tables must say what the events and uploads say. Rolling back removes
/// the new tables and leaves the events and uploads as they were.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class BackfillTests(Provider provider) : ClaimsDatabaseTest(provider)
{
    private const string CompanyUnknown = "99999999-9999-4999-8999-999999999999";

    [SetUp]
    public async Task FillTheBaseline()
    {
        await MigrateToAsync(ClaimsVersions.ExistingSchemaBaseline);
        foreach (var sql in BaselineRows())
        {
            Db.Execute(sql);
        }
    }

    private static IEnumerable<string> BaselineRows()
    {
        yield return Rows.Claim("c1", "org_a");
        yield return Rows.Claim("c2", "org_a");
        yield return Rows.Claim("c3", "org_b");
        yield return Rows.Company(Rows.CompanyA, "Acme Plumbing");
        yield return Rows.Company(Rows.CompanyB, "Bravo Roofing");
        yield return Rows.Company(Rows.CompanyC, "Coastal Electrical");

        // c1 / A: assigned, accepted, completed.
        yield return Rows.ContractorEvent("e01", "c1", "contractor_assigned", "2026-01-01 10:00:00", Rows.CompanyA, "subcontractor");
        yield return Rows.ContractorEvent("e02", "c1", "contractor_accepted", "2026-01-02 11:00:00", Rows.CompanyA);
        yield return Rows.ContractorEvent("e03", "c1", "contractor_completed", "2026-01-03 12:00:00", Rows.CompanyA, notes: "job done");

        // c1 / B: only assigned, no role given, company id written in upper case by the app.
        yield return Rows.ContractorEvent("e04", "c1", "contractor_assigned", "2026-01-01 10:30:00", Rows.CompanyB.ToUpperInvariant());

        // c2 / A: accepted, then assigned again later: the latest assignment is the state.
        yield return Rows.ContractorEvent("e05", "c2", "contractor_assigned", "2026-01-01 08:00:00", Rows.CompanyA, "primary_contractor");
        yield return Rows.ContractorEvent("e06", "c2", "contractor_accepted", "2026-01-02 08:00:00", Rows.CompanyA);
        yield return Rows.ContractorEvent("e07", "c2", "contractor_assigned", "2026-01-04 08:00:00", Rows.CompanyA, "consultant", "second visit");

        // c3 / C: accepted without an assignment event on record; an unknown role is ignored.
        yield return Rows.ContractorEvent("e08", "c3", "contractor_accepted", "2026-01-05 09:00:00", Rows.CompanyC, "plumber");

        // Not contractor rows: an unknown company, a non-contractor event, an event without data.
        yield return Rows.ContractorEvent("e09", "c3", "contractor_assigned", "2026-01-05 09:00:00", CompanyUnknown);
        yield return Rows.ContractorEvent("e10", "c3", "note_added", "2026-01-05 10:00:00", Rows.CompanyA);
        yield return Rows.Event("e11", "c2", "status_changed", "2026-01-06 10:00:00");

        // Files: org_a has 2 branding uploads and 2 claim documents, org_b one of each, org_c one empty logo.
        yield return Rows.BrandingUpload("b1", "org_a", 100);
        yield return Rows.BrandingUpload("b2", "org_a", 50);
        yield return Rows.BrandingUpload("b3", "org_b", 7);
        yield return Rows.BrandingUpload("b4", "org_c", 0);
        yield return Rows.ClaimDocument("d1", "c1", 1_000);
        yield return Rows.ClaimDocument("d2", "c2", 3_000_000_000);
        yield return Rows.ClaimDocument("d3", "c3", 30);
    }

    [Test]
    public async Task Contractor_rows_hold_the_latest_state_per_claim_and_company()
    {
        await MigrateToLatestAsync();

        var rows = Db.Query("""
            SELECT "claimId", lower(CAST("companyId" AS TEXT)), "role", "status",
                   CAST("assignedAt" AS TEXT), CAST("acceptedAt" AS TEXT), CAST("completedAt" AS TEXT), "notes"
            FROM "ClaimContractor" ORDER BY "claimId", lower(CAST("companyId" AS TEXT))
            """).Select(r => string.Join(" | ", r.Select(v => v ?? "-"))).ToArray();

        Assert.That(rows, Is.EqualTo(new[]
        {
            $"c1 | {Rows.CompanyA} | subcontractor | completed | 2026-01-01 10:00:00 | 2026-01-02 11:00:00 | 2026-01-03 12:00:00 | job done",
            $"c1 | {Rows.CompanyB} | primary_contractor | assigned | 2026-01-01 10:30:00 | - | - | -",
            $"c2 | {Rows.CompanyA} | consultant | assigned | 2026-01-04 08:00:00 | - | - | second visit",
            $"c3 | {Rows.CompanyC} | primary_contractor | accepted | 2026-01-05 09:00:00 | 2026-01-05 09:00:00 | - | -",
        }));
    }

    [Test]
    public async Task Backfilled_contractor_rows_get_distinct_ids()
    {
        await MigrateToLatestAsync();

        var ids = Db.Query("SELECT \"id\" FROM \"ClaimContractor\"").Select(r => (string)r[0]!).ToArray();
        Assert.That(ids, Has.Length.EqualTo(4).And.Unique.And.All.Match("^[0-9a-f]{32}$"));
    }

    [Test]
    public async Task Storage_usage_holds_each_organisations_bytes_and_files()
    {
        await MigrateToLatestAsync();

        var rows = Db.Query("SELECT \"orgId\", \"usedBytes\", \"fileCount\" FROM \"storage_usage\" ORDER BY \"orgId\"")
            .Select(r => ((string)r[0]!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture), Convert.ToInt32(r[2], CultureInfo.InvariantCulture)));

        Assert.That(rows, Is.EqualTo(new[]
        {
            ("org_a", 100L + 50 + 1_000 + 3_000_000_000, 4),
            ("org_b", 7L + 30, 2),
            ("org_c", 0L, 1),
        }));
        Assert.That(Db.Count("SELECT count(*) FROM \"storage_usage\" WHERE \"lastSync\" IS NULL"), Is.Zero);
    }

    [Test]
    public async Task Rolling_back_removes_the_new_tables_and_leaves_events_and_uploads_untouched()
    {
        var schemaAtBaseline = SchemaSnapshot.Take(Db);
        var dataAtBaseline = SourceRows();
        await MigrateToLatestAsync();
        Assert.That(Db.Count("SELECT count(*) FROM \"ClaimContractor\""), Is.EqualTo(4), "the backfill ran");

        // The backfilled rows are derived data: dropping them with their tables is the point of this rollback.
        await Runner(o => o with { AllowDataLoss = true }).RollbackToVersionAsync(ClaimsVersions.ExistingSchemaBaseline);

        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(schemaAtBaseline));
        Assert.That(SchemaSnapshot.Tables(Db), Has.None.AnyOf("ClaimContractor", "storage_usage", "email_log", "report_queue"));
        Assert.That(SourceRows(), Is.EqualTo(dataAtBaseline));
    }

    [Test]
    public async Task Migrating_again_after_a_rollback_backfills_the_same_rows()
    {
        await MigrateToLatestAsync();
        var first = BackfilledRows();
        await Runner(o => o with { AllowDataLoss = true }).RollbackToVersionAsync(ClaimsVersions.ClientProConnectionClaimId);

        await MigrateToLatestAsync();

        Assert.That(BackfilledRows(), Is.EqualTo(first));
    }

    private string[] SourceRows() =>
    [
        .. Db.Query("SELECT \"id\", \"claimId\", \"type\", CAST(\"data\" AS TEXT), CAST(\"createdAt\" AS TEXT) FROM \"claim_events\" ORDER BY \"id\"").Select(Line),
        .. Db.Query("SELECT \"id\", \"orgId\", \"sizeBytes\" FROM \"branding_uploads\" ORDER BY \"id\"").Select(Line),
        .. Db.Query("SELECT \"id\", \"claimId\", \"sizeBytes\" FROM \"claim_documents\" ORDER BY \"id\"").Select(Line),
        .. Db.Query("SELECT \"id\", \"orgId\" FROM \"claims\" ORDER BY \"id\"").Select(Line),
    ];

    private string[] BackfilledRows() =>
    [
        .. Db.Query("SELECT \"claimId\", CAST(\"companyId\" AS TEXT), \"role\", \"status\", CAST(\"assignedAt\" AS TEXT), CAST(\"acceptedAt\" AS TEXT), CAST(\"completedAt\" AS TEXT) FROM \"ClaimContractor\" ORDER BY 1, 2").Select(Line),
        .. Db.Query("SELECT \"orgId\", \"usedBytes\", \"fileCount\" FROM \"storage_usage\" ORDER BY 1").Select(Line),
    ];

    private static string Line(object?[] row) => string.Join(" | ", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "-"));
}
