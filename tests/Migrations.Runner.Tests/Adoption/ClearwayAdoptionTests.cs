using Migrations.Testing;

namespace Migrations.Runner.Tests.Adoption;

/// <summary>
/// docs/databases/clearway.md, "Adopting the live database", run as written against clearway's
/// production database as seed 003 describes it: Phase 1 "already applied in production" by
/// <c>psql</c> and the app's own script (so no journal of any tool), capital calls in it, and
/// the Phase 2 batches and the materialized views not yet.
/// </summary>
[TestFixture]
public sealed class ClearwayAdoptionTests
{
    private const long Phase1 = 2025111701;
    private const long Integration = 2025111801;
    private const long Phase2 = 2025111802;
    private const long Views = 2025111803;
    private const long OverdueIndex = 2025111901;

    private TestDatabase _live = null!;
    private AdoptionCommands _clearway = null!;

    [OneTimeSetUp]
    public async Task MakeTheLiveDatabase()
    {
        _live = TestDatabase.Create(Provider.Postgres, "clearway_live");
        _clearway = new AdoptionCommands("clearway", _live);

        // Phase 1's SQL is what our first migration makes; the live database keeps no journal at all.
        var build = await _clearway.RunAsync("migrate", "--target", Phase1.ToString(System.Globalization.CultureInfo.InvariantCulture), "--backup", "build-backups");
        Assert.That(build.ExitCode, Is.Zero, RunnerProcess.Describe(build));
        _live.Execute("DROP SCHEMA migrations CASCADE");
        InsertCapitalCalls();
    }

    [OneTimeTearDown]
    public void DropTheLiveDatabase()
    {
        _clearway.Dispose();
        _live.Dispose();
    }

    [Test]
    public async Task The_documented_commands_record_phase_1_and_migrate_applies_phase_2_and_the_views_over_its_calls()
    {
        var calls = _live.Query("SELECT CAST(c AS TEXT) FROM \"CapitalCall\" c ORDER BY id").Select(r => (string)r[0]!).ToArray();

        var dryRun = await _clearway.BaselineDryRunAsync();
        Assert.That(dryRun.ExitCode, Is.Zero, RunnerProcess.Describe(dryRun));
        Assert.That(dryRun.StandardOutput.Trim(), Does.Match($@"^clearway: would record {Phase1}: Phase1CoreSchema \(live schema matched version {Phase1} \(\d+ objects\)\)$"),
            "one row, and no other tool's journal to report");
        Assert.That(_clearway.JournalExists, Is.False, "a dry run writes nothing");

        var baseline = await _clearway.BaselineAsync();
        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        Assert.That(_clearway.Journal.Select(j => j.Version), Is.EqualTo(new[] { Phase1 }));
        Assert.That(_clearway.Journal[0].Baseline, Does.Match($@"^live schema matched version {Phase1} \(\d+ objects\)$"));

        var status = await _clearway.RunAsync("status");
        Assert.That(status.StandardOutput, Does.Contain($"{Phase1}  baselined")
            .And.Contain($"{Integration}  pending").And.Contain($"{Phase2}  pending").And.Contain($"{Views}  pending").And.Contain($"{OverdueIndex}  pending"));
        var validate = await _clearway.RunAsync("validate");
        Assert.That(validate.ExitCode, Is.Zero, RunnerProcess.Describe(validate));

        var migrate = await _clearway.MigrateAsync();
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        Assert.That(_clearway.Journal.Select(j => j.Version), Is.EqualTo(new[] { Phase1, Integration, Phase2, Views, OverdueIndex }), "Production runs its own index too");

        // The seed's checklist: 4 + 5 + 19 tables; the calls already there are untouched.
        Assert.That(_live.Count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"), Is.EqualTo(28));
        Assert.That(_live.Query("SELECT CAST(c AS TEXT) FROM \"CapitalCall\" c ORDER BY id").Select(r => (string)r[0]!), Is.EqualTo(calls));
        Assert.That(_live.Count("SELECT count(*) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE i.relname = 'idx_capital_call_status_duedate' AND x.indisvalid"), Is.EqualTo(1),
            "the concurrent index was built and is valid");

        // The materialized views hold the calls that were live before the adoption.
        Assert.That(_live.Query("""
                SELECT "userId", month::text, call_count, total_amount::numeric(15,2)::text, paid_count, paid_amount::numeric(15,2)::text, outstanding_amount::numeric(15,2)::text
                FROM monthly_call_summary ORDER BY "userId", month
                """).Select(r => string.Join(" ", r)),
            Is.EqualTo(new[]
            {
                "usr-lp-1 2025-11-01 2 3500.50 1 1000.00 2500.50",
                "usr-lp-1 2025-12-01 1 400.00 0 0.00 400.00",
                "usr-lp-2 2025-12-01 1 700.00 0 0.00 0.00",
            }));
        Assert.That(_live.Query("""
                SELECT "userId", "fundName", call_count, total_called::numeric(15,2)::text, total_paid::numeric(15,2)::text, total_outstanding::numeric(15,2)::text
                FROM fund_performance_summary ORDER BY "userId", "fundName"
                """).Select(r => string.Join(" | ", r)),
            Is.EqualTo(new[]
            {
                "usr-lp-1 | Harbor Fund I | 2 | 3500.50 | 1000.00 | 2500.50",
                "usr-lp-1 | Harbor Fund II | 1 | 400.00 | 0.00 | 400.00",
                "usr-lp-2 | Harbor Fund I | 1 | 700.00 | 0.00 | 0.00",
            }));

        var drift = await _clearway.RunAsync("drift");
        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));
        var validateAfter = await _clearway.RunAsync("validate");
        Assert.That(validateAfter.ExitCode, Is.Zero, RunnerProcess.Describe(validateAfter));
    }

    // Four calls of two investors: paid, approved, waiting for review, rejected.
    private void InsertCapitalCalls() => _live.Execute("""
        INSERT INTO "Organization" (id, name, slug) VALUES ('org-harbor', 'Harbor Partners', 'harbor');
        INSERT INTO "User" (id, email, name, "organizationId") VALUES
            ('usr-lp-1', 'lp1@example.com', 'Dana Lee', 'org-harbor'),
            ('usr-lp-2', 'lp2@example.com', 'Sam Ortiz', NULL);
        INSERT INTO "Document" (id, "fileName", "fileUrl", "fileSize", "mimeType", status, "userId", "organizationId") VALUES
            ('doc-1', 'call-1.pdf', 's3://calls/call-1.pdf', 81234, 'application/pdf', 'PROCESSED', 'usr-lp-1', 'org-harbor'),
            ('doc-2', 'call-2.pdf', 's3://calls/call-2.pdf', 90211, 'application/pdf', 'PROCESSED', 'usr-lp-1', 'org-harbor'),
            ('doc-3', 'call-3.pdf', 's3://calls/call-3.pdf', 70420, 'application/pdf', 'PROCESSED', 'usr-lp-1', 'org-harbor'),
            ('doc-4', 'call-4.pdf', 's3://calls/call-4.pdf', 65001, 'application/pdf', 'PROCESSED', 'usr-lp-2', NULL);
        INSERT INTO "CapitalCall" (id, "documentId", "userId", "fundName", "amountDue", "dueDate", status, "approvedAt") VALUES
            ('cc-1', 'doc-1', 'usr-lp-1', 'Harbor Fund I', 1000.00, '2025-11-15 00:00:00', 'PAID', '2025-11-10 12:00:00'),
            ('cc-2', 'doc-2', 'usr-lp-1', 'Harbor Fund I', 2500.50, '2025-11-28 00:00:00', 'APPROVED', '2025-11-20 09:00:00'),
            ('cc-3', 'doc-3', 'usr-lp-1', 'Harbor Fund II', 400.00, '2025-12-10 00:00:00', 'PENDING_REVIEW', NULL),
            ('cc-4', 'doc-4', 'usr-lp-2', 'Harbor Fund I', 700.00, '2025-12-01 00:00:00', 'REJECTED', NULL);
        """);
}
