using Migrations.Testing;

namespace Migrations.Workspace.Tests;

/// <summary>0027 (Development only) and 0028 (Production and Staging) run only under their tags.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class EnvironmentTests(Provider provider) : WorkspaceFixture(provider)
{
    private const long DevMailOutbox = 27;
    private const long AuditAppendOnly = 28;

    private static readonly object[] Environments =
    [
        new object?[] { null, Array.Empty<long>() },
        new object?[] { "Development", new[] { DevMailOutbox } },
        new object?[] { "Staging", new[] { AuditAppendOnly } },
        new object?[] { "Production", new[] { AuditAppendOnly } },
    ];

    [TestCaseSource(nameof(Environments))]
    public async Task Each_environment_gets_the_objects_of_its_own_steps_only(string? environment, long[] expected)
    {
        // Which steps each environment applies, skips and lists is the conformance suite's (WorkspaceConformanceTests).
        await EnvironmentRunner(environment).MigrateUpAsync();

        Assert.That(SeedAssertions.Tables(Db).Contains("dev_mail_outbox"), Is.EqualTo(expected.Contains(DevMailOutbox)));
        Assert.That(AuditTriggers(), Is.EqualTo(expected.Contains(AuditAppendOnly) ? 2 : 0));
    }

    [Test]
    public async Task Development_captures_invite_emails_in_dev_mail_outbox()
    {
        await EnvironmentRunner("Development").MigrateUpAsync();
        AddUser("u1");
        Sql("INSERT INTO threads (id, user_id, title) VALUES ('t1', 'u1', 'T')");
        Sql("INSERT INTO thread_invites (id, thread_id, token, email, candidate_name) VALUES ('i1', 't1', 'tok', 'x@example.com', 'X')");
        Sql("INSERT INTO dev_mail_outbox (id, to_email, subject, body_text, kind, thread_invite_id) VALUES ('m1', 'x@example.com', 'Invite', 'open /i/tok', 'thread_invite', 'i1')");

        Assert.That(() => Sql("INSERT INTO dev_mail_outbox (id, to_email, subject, body_text, kind) VALUES ('m2', 'x', 's', 'b', 'sms')"), Throws.Exception, "kind is checked");
        Sql("DELETE FROM thread_invites WHERE id = 'i1'");
        Assert.That(Db.Scalar("SELECT thread_invite_id FROM dev_mail_outbox WHERE id = 'm1'"), Is.Null, "the email stays when its invite goes (SET NULL)");
        Assert.That(Db.Scalar("SELECT created_at FROM dev_mail_outbox WHERE id = 'm1'"), Is.Not.Null);
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public async Task Outside_Development_the_audit_trail_is_append_only(string environment)
    {
        await EnvironmentRunner(environment).MigrateUpAsync();
        Sql("INSERT INTO admin_users (id, email, password_hash) VALUES ('a1', 'a1@example.com', 'h')");
        Sql("INSERT INTO audit_logs (id, admin_user_id, action) VALUES ('l1', 'a1', 'user.suspend')");

        Assert.That(() => Sql("UPDATE audit_logs SET action = 'nothing happened' WHERE id = 'l1'"), Throws.Exception.Message.Contains(M0028_AuditLogsAppendOnly.Message));
        Assert.That(() => Sql("DELETE FROM audit_logs WHERE id = 'l1'"), Throws.Exception.Message.Contains(M0028_AuditLogsAppendOnly.Message));
        Sql("DELETE FROM admin_users WHERE id = 'a1'");
        Assert.That(Db.Query("SELECT admin_user_id, action FROM audit_logs").Single(), Is.EqualTo(new object?[] { null, "user.suspend" }),
            "deleting the admin still clears the reference (0003's SET NULL) and keeps the row");
    }

    [Test]
    public async Task Rollback_in_Production_undoes_the_newest_step_applied_there_never_the_Development_only_one()
    {
        var production = EnvironmentRunner("Production");
        await production.MigrateUpAsync();

        var result = await production.RollbackAsync(1);

        Assert.That(result.RolledBack.Select(r => r.Migration.Version), Is.EqualTo(new[] { AuditAppendOnly }));
        result = await production.RollbackAsync(1);
        Assert.That(result.RolledBack.Select(r => r.Migration.Version), Is.EqualTo(new[] { 26L }), "27 was never applied here, so 26 is next");
        Assert.That(SeedAssertions.Tables(Db), Does.Not.Contain("dev_mail_outbox").And.Not.Contain("threads"));
    }

    private long AuditTriggers() => Db.Provider == Provider.Postgres
        ? Db.Count("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'trg_audit_logs_%' AND NOT tgisinternal")
        : Db.Count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trg_audit_logs_%'");
}
