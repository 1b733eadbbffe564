using Migrations.Testing;

namespace Migrations.Runner.Tests.Adoption;

/// <summary>
/// docs/databases/claims.md, "Adopting the live database", run as written against the database
/// the claims application really has: the Prisma migrations that made its ten tables (Prisma's
/// SQL and its <c>_prisma_migrations</c> journal), with the drift seed 000 reports
/// (<c>ClientProConnection</c> has no <c>claimId</c>, there is no e-mail log) and rows in use.
/// </summary>
[TestFixture]
public sealed class ClaimsAdoptionTests
{
    private const long Baseline = 202601010001;
    private const long DriftFix = 202601010002;

    private const string CompanyA = "a1b2c3d4-0000-4000-8000-00000000000a";
    private const string CompanyB = "a1b2c3d4-0000-4000-8000-00000000000b";

    private TestDatabase _live = null!;
    private AdoptionCommands _claims = null!;

    [SetUp]
    public void MakeTheLiveDatabase()
    {
        _live = TestDatabase.Create(Provider.Postgres, "claims_live");
        PrismaMigrate.Deploy(_live, PrismaMigrate.Folder("claims"));
        InsertRowsInUse();
        _claims = new AdoptionCommands("claims", _live);
    }

    [TearDown]
    public void DropTheLiveDatabase()
    {
        _claims.Dispose();
        _live.Dispose();
    }

    [Test]
    public async Task The_documented_commands_adopt_prismas_database_and_migrate_fixes_the_drift_over_its_rows()
    {
        var prismaJournal = PrismaMigrate.Rows(_live);
        var claimEvents = Rows("claim_events");

        var dryRun = await _claims.BaselineDryRunAsync();
        Assert.That(dryRun.ExitCode, Is.Zero, RunnerProcess.Describe(dryRun));
        Assert.That(dryRun.StandardOutput, Does.Contain($"claims: would record {Baseline}: ExistingSchemaBaseline (live schema matched version {Baseline} ("));
        Assert.That(dryRun.StandardOutput, Does.Not.Contain($"{DriftFix}:"), "the live schema lacks the drift fix");
        foreach (var entry in new[] { "20251020143015_init", "20251104091233_portal_and_reports", "20251201101500_email_queue_and_branding" })
        {
            Assert.That(dryRun.StandardOutput, Does.Contain($"claims: public._prisma_migrations entry {entry} maps to no migration"));
        }

        Assert.That(_claims.JournalExists, Is.False, "a dry run writes nothing");

        var baseline = await _claims.BaselineAsync();
        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        Assert.That(baseline.StandardOutput, Does.Contain($"claims: recorded {Baseline}: ExistingSchemaBaseline"));
        Assert.That(_claims.Journal, Has.Count.EqualTo(1));
        Assert.That(_claims.Journal[0].Version, Is.EqualTo(Baseline));
        Assert.That(_claims.Journal[0].Baseline, Does.Match($@"^live schema matched version {Baseline} \(\d+ objects\)$"));

        var status = await _claims.RunAsync("status");
        Assert.That(status.ExitCode, Is.Zero, RunnerProcess.Describe(status));
        Assert.That(status.StandardOutput, Does.Contain($"{Baseline}  baselined").And.Contain($"{DriftFix}  pending"));
        var validate = await _claims.RunAsync("validate");
        Assert.That(validate.ExitCode, Is.Zero, RunnerProcess.Describe(validate));

        var migrate = await _claims.MigrateAsync();
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        Assert.That(_claims.Backups, Is.Not.Empty, "Production backs up before the first change");
        Assert.That(_claims.Journal.Select(j => j.Version), Is.EqualTo(new[] { Baseline, DriftFix, 202601010003, 202601010004, 202601010005, 202601010006 }));
        Assert.That(_claims.Journal.Skip(1).Select(j => j.Baseline), Is.All.Null, "migrate applied these; only the baseline row is baselined");

        // The drift fix: the column exists, the connections made before it are not linked to a claim.
        Assert.That(_live.Query("SELECT \"id\", \"claimId\" FROM \"ClientProConnection\" ORDER BY \"id\"").Select(r => $"{r[0]}={r[1] ?? "null"}"),
            Is.EqualTo(new[] { "conn-1=null", "conn-2=null" }));
        _live.Execute("UPDATE \"ClientProConnection\" SET \"claimId\" = 'clm-1' WHERE \"id\" = 'conn-1'");

        // ClaimContractor from the contractor events: re-assignment, acceptance and completion, a company id in upper case, an unknown company skipped.
        Assert.That(_live.Query("""
                SELECT "claimId", "companyId"::text, "role", "status", "assignedAt"::text, coalesce("acceptedAt"::text, '-'), coalesce("completedAt"::text, '-'), coalesce("notes", '-')
                FROM "ClaimContractor" ORDER BY "claimId", "companyId"
                """).Select(r => string.Join(" | ", r)),
            Is.EqualTo(new[]
            {
                $"clm-1 | {CompanyA} | subcontractor | completed | 2025-12-02 09:00:00 | 2025-12-03 10:00:00 | 2025-12-09 16:30:00 | roof and gutters",
                $"clm-2 | {CompanyB} | primary_contractor | assigned | 2025-12-05 08:15:00 | - | - | -",
            }));

        // storage_usage per organisation: branding uploads plus the documents of its claims.
        Assert.That(_live.Query("SELECT \"orgId\", \"usedBytes\", \"fileCount\" FROM \"storage_usage\" ORDER BY \"orgId\"").Select(r => string.Join(" ", r)),
            Is.EqualTo(new[] { "org-north 1300 3", "org-south 300 1", "org-west 50 1" }));
        Assert.That(_live.Count("SELECT count(*) FROM \"email_log\"") + _live.Count("SELECT count(*) FROM \"report_queue\""), Is.Zero, "the new tables without a backfill start empty");
        Assert.That(Rows("claim_events"), Is.EqualTo(claimEvents), "the backfill reads the audit log and leaves it as it was");

        var drift = await _claims.RunAsync("drift");
        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));
        var validateAfter = await _claims.RunAsync("validate");
        Assert.That(validateAfter.ExitCode, Is.Zero, RunnerProcess.Describe(validateAfter));
        Assert.That(PrismaMigrate.Rows(_live), Is.EqualTo(prismaJournal), "Prisma's journal is never modified");
    }

    [Test]
    public async Task A_claimId_added_by_hand_without_its_foreign_key_is_refused_until_it_is_made_as_the_drift_fix_makes_it()
    {
        // The attach-to-claim endpoint "fixed" in production with a bare column.
        _live.Execute("ALTER TABLE \"ClientProConnection\" ADD COLUMN \"claimId\" TEXT");
        var prismaJournal = PrismaMigrate.Rows(_live);

        var refused = await _claims.BaselineAsync();

        Assert.That(refused.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(refused));
        Assert.That(refused.StandardOutput, Does.Contain($"claims: the live schema matches no version; it is closest to {DriftFix} with 1 difference(s):"));
        Assert.That(refused.StandardOutput, Does.Contain("claims: foreign key public.ClientProConnection.ClientProConnection_claimId_fkey: expected FOREIGN KEY (\"claimId\") REFERENCES claims(id) ON UPDATE CASCADE ON DELETE SET NULL, found none"));
        Assert.That(_claims.JournalExists, Is.False, "a refusal writes nothing");

        // What the doc says to do: make the object as the migration makes it, then baseline again.
        _live.Execute("""
            ALTER TABLE "ClientProConnection" ADD CONSTRAINT "ClientProConnection_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE SET NULL ON UPDATE CASCADE
            """);
        var baseline = await _claims.BaselineAsync();
        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        Assert.That(_claims.Journal.Select(j => j.Version), Is.EqualTo(new[] { Baseline, DriftFix }));

        var migrate = await _claims.MigrateAsync();
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        var drift = await _claims.RunAsync("drift");
        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));
        Assert.That(PrismaMigrate.Rows(_live), Is.EqualTo(prismaJournal), "Prisma's journal is never modified");
    }

    private IReadOnlyList<string> Rows(string table) =>
        _live.Query($"SELECT CAST(t AS TEXT) FROM {TestDatabase.Q(table)} t ORDER BY 1").Select(r => (string)r[0]!).ToArray();

    // Rows as the application wrote them: ids are Prisma cuid()s made by the client, times in UTC.
    private void InsertRowsInUse() => _live.Execute($$"""
        INSERT INTO "claims" ("id", "orgId", "claimNumber", "title", "status", "createdAt", "updatedAt") VALUES
            ('clm-1', 'org-north', 'CLM-1001', 'Storm damage, 12 Elm St', 'open', '2025-12-01 08:00:00', '2025-12-09 16:30:00'),
            ('clm-2', 'org-north', 'CLM-1002', 'Burst pipe, 4 Oak Ave', 'open', '2025-12-04 11:00:00', '2025-12-05 08:15:00'),
            ('clm-3', 'org-south', 'CLM-2001', 'Hail, 9 Pine Rd', 'closed', '2025-11-20 09:30:00', '2025-11-28 12:00:00');
        INSERT INTO "tradesCompany" ("id", "name", "email", "createdAt") VALUES
            ('{{CompanyA}}', 'Acme Roofing', 'jobs@acme.example', '2025-10-01 00:00:00'),
            ('{{CompanyB}}', 'Bravo Plumbing', NULL, '2025-10-02 00:00:00');
        INSERT INTO "ClientProConnection" ("id", "clientId", "companyId", "status", "createdAt") VALUES
            ('conn-1', 'user-erin', '{{CompanyA}}', 'accepted', '2025-12-02 08:00:00'),
            ('conn-2', 'user-frank', '{{CompanyB}}', 'pending', '2025-12-05 08:00:00');
        INSERT INTO "claim_events" ("id", "claimId", "orgId", "type", "actorId", "data", "createdAt") VALUES
            ('ev-01', 'clm-1', 'org-north', 'claim_created', 'user-alice', '{}', '2025-12-01 08:00:00'),
            ('ev-02', 'clm-1', 'org-north', 'contractor_assigned', 'user-alice', '{"companyId": "{{CompanyA}}", "role": "primary_contractor"}', '2025-12-01 09:00:00'),
            ('ev-03', 'clm-1', 'org-north', 'contractor_accepted', NULL, '{"companyId": "{{CompanyA}}"}', '2025-12-01 12:00:00'),
            ('ev-04', 'clm-1', 'org-north', 'contractor_assigned', 'user-alice', '{"companyId": "{{CompanyA}}", "role": "subcontractor", "notes": "roof and gutters"}', '2025-12-02 09:00:00'),
            ('ev-05', 'clm-1', 'org-north', 'contractor_accepted', NULL, '{"companyId": "{{CompanyA}}"}', '2025-12-03 10:00:00'),
            ('ev-06', 'clm-1', 'org-north', 'contractor_completed', NULL, '{"companyId": "{{CompanyA}}"}', '2025-12-09 16:30:00'),
            ('ev-07', 'clm-2', 'org-north', 'contractor_assigned', 'user-carol', '{"companyId": "{{CompanyB.ToUpperInvariant()}}"}', '2025-12-05 08:15:00'),
            ('ev-08', 'clm-3', 'org-south', 'contractor_assigned', 'user-dan', '{"companyId": "ffffffff-0000-4000-8000-000000000000"}', '2025-11-21 10:00:00'),
            ('ev-09', 'clm-3', 'org-south', 'status_changed', 'user-dan', '{"to": "closed"}', '2025-11-28 12:00:00');
        INSERT INTO "claim_documents" ("id", "claimId", "fileName", "storagePath", "mimeType", "sizeBytes", "uploadedBy") VALUES
            ('doc-1', 'clm-1', 'roof.jpg', 'claims/clm-1/roof.jpg', 'image/jpeg', 1000, 'user-erin'),
            ('doc-2', 'clm-3', 'invoice.pdf', 'claims/clm-3/invoice.pdf', 'application/pdf', 300, 'user-dan');
        INSERT INTO "branding_uploads" ("id", "orgId", "kind", "fileName", "url", "sizeBytes") VALUES
            ('brand-1', 'org-north', 'logo', 'logo.png', 'https://cdn.example/north/logo.png', 100),
            ('brand-2', 'org-north', 'letterhead', 'letterhead.pdf', 'https://cdn.example/north/letterhead.pdf', 200),
            ('brand-3', 'org-west', 'logo', 'logo.svg', 'https://cdn.example/west/logo.svg', 50);
        INSERT INTO "ai_reports" ("id", "claimId", "orgId", "type", "status") VALUES ('rep-1', 'clm-1', 'org-north', 'damage_summary', 'completed');
        INSERT INTO "PortalLink" ("id", "claimId", "token", "email") VALUES ('link-1', 'clm-1', 'tok-9f8e7d', 'erin@example.com');
        INSERT INTO "email_queue" ("id", "orgId", "to", "subject", "react_json") VALUES ('mail-1', 'org-north', 'erin@example.com', 'Your report', '{"reportId": "rep-1"}');
        """);
}
