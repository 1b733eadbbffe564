using Migrations.Testing;
using Npgsql;

namespace Migrations.Runner.Tests.Adoption;

/// <summary>
/// docs/databases/junkquote.md, "Adopting the live database", run as written against junkquote_db
/// as seed 002 leaves it: Batch 1 (<c>prisma/migrations/20251110_add_memory_entities</c>) deployed
/// by Prisma, its <c>_prisma_migrations</c> rows present (with the failed first attempt Prisma
/// keeps as rolled back), Batch 2 not yet, and real leads with their message history.
/// </summary>
[TestFixture]
public sealed class JunkquoteAdoptionTests
{
    private const long Baseline = 202511090000;
    private const long Batch1 = 202511100000;
    private const long Batch2 = 202511110000;

    private const string Ann = "10000000-0000-4000-8000-000000000001";
    private const string AnnBySms = "10000000-0000-4000-8000-000000000002";
    private const string AnnByEmail = "10000000-0000-4000-8000-000000000003";
    private const string Bob = "10000000-0000-4000-8000-000000000004";
    private const string WalkIn = "10000000-0000-4000-8000-000000000005";

    private TestDatabase _live = null!;
    private AdoptionCommands _junkquote = null!;

    [OneTimeSetUp]
    public async Task MakeTheLiveDatabase()
    {
        _live = TestDatabase.Create(Provider.Postgres, "junkquote_live");
        _junkquote = new AdoptionCommands("junkquote", _live);

        // Prisma's SQL for the baseline and Batch 1 is what our migrations make (the baseline test compares them object by object); then Prisma's journal instead of ours.
        var build = await _junkquote.RunAsync("migrate", "--target", Batch1.ToString(System.Globalization.CultureInfo.InvariantCulture), "--backup", "build-backups");
        Assert.That(build.ExitCode, Is.Zero, RunnerProcess.Describe(build));
        _live.Execute("DROP SCHEMA migrations CASCADE");
        PrismaMigrate.CreateJournal(_live);
        var init = new DateTimeOffset(2025, 9, 2, 17, 4, 11, TimeSpan.Zero);
        PrismaMigrate.Record(_live, "20250902170411_init", PrismaMigrate.Checksum("init"), init, init.AddMilliseconds(803), rolledBack: null);
        var failed = new DateTimeOffset(2025, 11, 10, 9, 0, 0, TimeSpan.Zero);
        PrismaMigrate.Record(_live, "20251110_add_memory_entities", PrismaMigrate.Checksum("batch 1, first try"), failed, finished: null, rolledBack: failed.AddMinutes(20),
            logs: "Database error code: 42P07\nrelation \"Customer\" already exists");
        PrismaMigrate.Record(_live, "20251110_add_memory_entities", PrismaMigrate.Checksum("batch 1"), failed.AddMinutes(25), failed.AddMinutes(25).AddSeconds(2), rolledBack: null);
        InsertLeads();
    }

    [OneTimeTearDown]
    public void DropTheLiveDatabase()
    {
        _junkquote.Dispose();
        _live.Dispose();
    }

    [Test]
    public async Task The_documented_commands_record_baseline_and_batch_1_and_migrate_backfills_the_leads_then_constrains_them()
    {
        var prismaJournal = PrismaMigrate.Rows(_live);
        var leads = Leads();

        var dryRun = await _junkquote.BaselineDryRunAsync();
        Assert.That(dryRun.ExitCode, Is.Zero, RunnerProcess.Describe(dryRun));
        Assert.That(dryRun.StandardOutput, Does.Contain($"junkquote: would record {Baseline}: Baseline").And.Contain($"junkquote: would record {Batch1}: Batch1AddMemoryEntities"));
        Assert.That(_junkquote.JournalExists, Is.False, "a dry run writes nothing");

        var baseline = await _junkquote.BaselineAsync();
        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        var lines = baseline.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Count(l => l.Contains("entry 20251110_add_memory_entities", StringComparison.Ordinal)), Is.EqualTo(1), "the rolled-back attempt is not an applied entry");
        Assert.That(baseline.StandardOutput, Does.Contain($"junkquote: public._prisma_migrations entry 20251110_add_memory_entities is {Batch1}: Batch1AddMemoryEntities"));
        Assert.That(baseline.StandardOutput, Does.Contain("junkquote: public._prisma_migrations entry 20250902170411_init maps to no migration"));
        Assert.That(_junkquote.Journal.Select(j => j.Version), Is.EqualTo(new[] { Baseline, Batch1 }));
        Assert.That(_junkquote.Journal[1].Baseline, Does.Match($@"^live schema matched version {Batch1} \(\d+ objects\); public\._prisma_migrations: 20251110_add_memory_entities$"));

        var status = await _junkquote.RunAsync("status");
        Assert.That(status.StandardOutput, Does.Contain($"{Baseline}  baselined").And.Contain($"{Batch1}  baselined").And.Contain($"{Batch2}  pending"));
        var validate = await _junkquote.RunAsync("validate");
        Assert.That(validate.ExitCode, Is.Zero, RunnerProcess.Describe(validate));

        var migrate = await _junkquote.MigrateAsync();
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        Assert.That(_junkquote.Journal.Select(j => j.Version), Is.EqualTo(new[] { Baseline, Batch1, Batch2 }));
        Assert.That(_junkquote.Journal[2].Baseline, Is.Null);

        // One customer per person: Ann's three leads share a phone (with and without +1) or an e-mail; details from her newest lead having each.
        Assert.That(_live.Query("SELECT id::text, coalesce(name, '-'), coalesce(phone, '-'), coalesce(email, '-'), created_at::text FROM \"Customer\" ORDER BY id").Select(r => string.Join(" | ", r)),
            Is.EqualTo(new[]
            {
                $"{Ann} | Ann Smith | 5551234567 | ann@example.com | 2025-11-01 09:55:00",
                $"{Bob} | Bob | 5559876543 | bob@example.com | 2025-11-06 14:00:00",
                $"{WalkIn} | Walk-in | - | - | 2025-11-07 08:30:00",
            }));
        Assert.That(_live.Query("SELECT id::text, customer_id::text FROM \"Lead\" ORDER BY id").Select(r => $"{r[0]}->{r[1]}"),
            Is.EqualTo(new[] { $"{Ann}->{Ann}", $"{AnnBySms}->{Ann}", $"{AnnByEmail}->{Ann}", $"{Bob}->{Bob}", $"{WalkIn}->{WalkIn}" }));

        // Conversations from the audit log and the message history, on the lead's channel; messages with their roles mapped.
        Assert.That(_live.Query("SELECT id::text, customer_id::text, channel, coalesce(last_message_at::text, '-') FROM \"Conversation\" ORDER BY id").Select(r => string.Join(" | ", r)),
            Is.EqualTo(new[]
            {
                $"{Ann} | {Ann} | sms | 2025-11-01 10:00:00",
                $"{AnnBySms} | {Ann} | web | 2025-11-05 12:00:00",
                $"{WalkIn} | {WalkIn} | phone | 2025-11-07 09:00:00",
            }));
        Assert.That(_live.Query("SELECT conversation_id::text, role::text, content, created_at::text FROM \"Message\" ORDER BY conversation_id, created_at").Select(r => string.Join(" | ", r)),
            Is.EqualTo(new[]
            {
                $"{Ann} | user | Need a couch removed | 2025-11-01 09:58:00",
                $"{Ann} | assistant | Sure, send photos | 2025-11-01 10:00:00",
                $"{AnnBySms} | tool | quote computed | 2025-11-05 12:00:00",
            }));

        // Then the constraints, holding over the backfilled rows.
        Assert.That(_live.Query("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND is_nullable = 'NO' AND column_name IN ('customer_id', 'conversation_id', 'job_id') ORDER BY 1
                """).Select(r => (string)r[0]!),
            Is.EqualTo(new[] { "Conversation.customer_id", "CustomerAddress.customer_id", "JobEvent.job_id", "JobItem.job_id", "MemoryNote.customer_id", "Message.conversation_id" }));
        Assert.That(SqlState("INSERT INTO \"Customer\" (name, phone) VALUES ('Impostor', '5551234567')"), Is.EqualTo(PostgresErrorCodes.UniqueViolation));
        Assert.That(SqlState("INSERT INTO \"Customer\" (name, email) VALUES ('Impostor', 'bob@example.com')"), Is.EqualTo(PostgresErrorCodes.UniqueViolation));
        Assert.That(SqlState("INSERT INTO \"CustomerAddress\" (line1) VALUES ('1 Nowhere Rd')"), Is.EqualTo(PostgresErrorCodes.NotNullViolation));

        Assert.That(Leads(), Is.EqualTo(leads), "the backfill only reads leads (and sets their customer_id)");
        var drift = await _junkquote.RunAsync("drift");
        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));
        var validateAfter = await _junkquote.RunAsync("validate");
        Assert.That(validateAfter.ExitCode, Is.Zero, RunnerProcess.Describe(validateAfter));
        Assert.That(PrismaMigrate.Rows(_live), Is.EqualTo(prismaJournal), "Prisma's journal, every row and column, is left as it was");
    }

    private IReadOnlyList<string> Leads() =>
        _live.Query("SELECT CAST((id, name, phone, email, source, status, \"stateMetadata\", \"createdAt\", \"updatedAt\") AS TEXT) FROM \"Lead\" ORDER BY id").Select(r => (string)r[0]!).ToArray();

    private string? SqlState(string sql)
    {
        try
        {
            _live.Execute(sql);
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }

    // Leads as the app receives them: the same person by SMS, web form and e-mail, in the formats people type.
    private void InsertLeads() => _live.Execute($$"""
        INSERT INTO "Lead" (id, name, phone, email, source, status, "stateMetadata", "createdAt", "updatedAt") VALUES
            ('{{Ann}}', 'Ann', '(555) 123-4567', ' Ann@Example.com ', 'SMS', 'quoted',
             '{"messages": [{"role": "user", "content": "Need a couch removed", "timestamp": "2025-11-01T09:58:00Z"}, {"role": "bot", "text": "Sure, send photos", "createdAt": "2025-11-01T10:00:00Z"}]}',
             '2025-11-01 09:55:00', '2025-11-01 10:05:00'),
            ('{{AnnBySms}}', 'Ann Smith', '+1 555 123 4567', NULL, '', 'new',
             '[{"role": "function", "content": "quote computed", "timestamp": "2025-11-05T12:00:00Z"}, "junk", {"role": "user", "content": "  "}]',
             '2025-11-05 11:59:00', '2025-11-05 12:00:00'),
            ('{{AnnByEmail}}', NULL, NULL, 'ann@example.com', 'web', 'new', NULL, '2025-11-03 16:20:00', '2025-11-03 16:20:00'),
            ('{{Bob}}', 'Bob', '555.987.6543', 'bob@example.com', 'web', 'booked', '{"step": "booked"}', '2025-11-06 14:00:00', '2025-11-06 14:30:00'),
            ('{{WalkIn}}', 'Walk-in', 'n/a', 'none', 'Phone', 'new', NULL, '2025-11-07 08:30:00', '2025-11-07 08:30:00');
        INSERT INTO "AuditLog" ("leadId", action, actor, details, "createdAt") VALUES
            ('{{WalkIn}}', 'lead_created', 'front-desk', '{"via": "phone"}', '2025-11-07 08:31:00'),
            ('{{WalkIn}}', 'called_back', 'dispatcher', NULL, '2025-11-07 09:00:00');
        """);
}
