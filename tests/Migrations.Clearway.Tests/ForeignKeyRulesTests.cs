using System.Data.Common;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

/// <summary>Every foreign key of the final schema with its ON DELETE rule, and the rules at work when rows are deleted.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ForeignKeyRulesTests(Provider provider) : ClearwayTestBase(provider)
{
    private const string Cascade = "CASCADE";
    private const string SetNull = "SET NULL";
    private const string NoAction = "NO ACTION";

    private static readonly string[] ExpectedForeignKeys =
    [
        "AccountingConnection.organizationId -> Organization CASCADE",
        "AccountingTransaction.capitalCallId -> CapitalCall SET NULL",
        "AccountingTransaction.connectionId -> AccountingConnection CASCADE",
        "AuditLog.organizationId -> Organization SET NULL",
        "AuditLog.userId -> User SET NULL",
        "BankAccount.organizationId -> Organization CASCADE",
        "BankAccount.userId -> User CASCADE",
        "CapitalCall.documentId -> Document CASCADE",
        "CapitalCall.userId -> User CASCADE",
        "DataProcessingAgreement.organizationId -> Organization CASCADE",
        "DataProcessingAgreement.signedById -> User SET NULL",
        "Document.organizationId -> Organization SET NULL",
        "Document.userId -> User CASCADE",
        "FundAdminConnection.fundAdministratorId -> FundAdministrator NO ACTION",
        "FundAdminConnection.organizationId -> Organization CASCADE",
        "FundAdminSync.connectionId -> FundAdminConnection CASCADE",
        "FundMapping.connectionId -> FundAdminConnection CASCADE",
        "InvestorMapping.connectionId -> FundAdminConnection CASCADE",
        "InvestorMapping.userId -> User CASCADE",
        "LegalHold.createdById -> User SET NULL",
        "LegalHold.organizationId -> Organization CASCADE",
        "OrganizationInvite.customRoleId -> OrganizationRole SET NULL",
        "OrganizationInvite.invitedById -> User SET NULL",
        "OrganizationInvite.organizationId -> Organization CASCADE",
        "OrganizationMember.customRoleId -> OrganizationRole SET NULL",
        "OrganizationMember.organizationId -> Organization CASCADE",
        "OrganizationMember.userId -> User CASCADE",
        "OrganizationRole.organizationId -> Organization CASCADE",
        "Payment.bankAccountId -> BankAccount SET NULL",
        "Payment.capitalCallId -> CapitalCall NO ACTION",
        "Payment.userId -> User CASCADE",
        "ReportExecution.scheduledReportId -> ScheduledReport CASCADE",
        "SSOConnection.organizationId -> Organization CASCADE",
        "ScheduledReport.organizationId -> Organization CASCADE",
        "ScheduledReport.userId -> User CASCADE",
        "SignatureRequest.capitalCallId -> CapitalCall SET NULL",
        "SignatureRequest.documentId -> Document CASCADE",
        "SignatureRequest.userId -> User CASCADE",
        "StatementReconciliation.bankAccountId -> BankAccount CASCADE",
        "StatementReconciliation.userId -> User CASCADE",
        "UnmappedInvestor.connectionId -> FundAdminConnection CASCADE",
        "UnmappedInvestor.resolvedUserId -> User SET NULL",
        "UnmappedInvestor.syncId -> FundAdminSync SET NULL",
        "User.organizationId -> Organization SET NULL",
        "WebhookDelivery.endpointId -> WebhookEndpoint CASCADE",
        "WebhookEndpoint.organizationId -> Organization CASCADE",
        "WebhookEndpoint.userId -> User CASCADE",
        "WebhookLog.connectionId -> FundAdminConnection SET NULL",
        "WebhookLog.fundAdministratorId -> FundAdministrator SET NULL",
    ];

    [Test]
    public async Task Introspection_finds_every_foreign_key_with_its_on_delete_rule()
    {
        await MigrateAsync();

        Assert.That(ForeignKeys(), Is.EqualTo(ExpectedForeignKeys.Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Deleting_a_user_removes_their_data_and_keeps_the_audit_trail()
    {
        await MigrateAsync();
        Db.Organization("o1");
        Db.User("u1", "o1");
        Db.User("u2", "o1");
        Db.CapitalCall("c1", "u1");
        Db.CapitalCall("c2", "u2");
        Db.BankAccount("b1", "u1");
        Db.Payment("p1", "c1", "u1", "b1");
        Db.AuditLog("a1", "u1", "o1");

        Db.Execute("DELETE FROM \"User\" WHERE \"id\" = 'u1'");

        Assert.Multiple(() =>
        {
            Assert.That(Db.Rows("Document", "\"userId\" = 'u1'"), Is.Zero, Cascade);
            Assert.That(Db.Rows("CapitalCall", "\"userId\" = 'u1'"), Is.Zero, Cascade);
            Assert.That(Db.Rows("Payment"), Is.Zero, "the payment goes with its user even though its call alone could not be deleted");
            Assert.That(Db.Rows("BankAccount"), Is.Zero, Cascade);
            Assert.That(Db.Rows("AuditLog", "\"id\" = 'a1' AND \"userId\" IS NULL AND \"organizationId\" = 'o1'"), Is.EqualTo(1), SetNull);
            Assert.That(Db.Rows("CapitalCall", "\"userId\" = 'u2'"), Is.EqualTo(1), "other users keep their calls");
        });
    }

    [Test]
    public async Task Deleting_an_organization_detaches_its_users_and_removes_its_connections()
    {
        await MigrateAsync();
        Db.Organization("o1");
        Db.User("u1", "o1");
        Db.Document("d1", "u1", "o1");
        Db.FundAdministrator("fa1");
        Db.FundAdminConnection("fc1", "o1", "fa1");
        Db.Execute("INSERT INTO \"FundMapping\" (\"id\", \"connectionId\", \"externalFundCode\", \"fundName\") VALUES ('fm1', 'fc1', 'F1', 'Fund I')");
        Db.Execute("INSERT INTO \"WebhookLog\" (\"id\", \"fundAdministratorId\", \"connectionId\", \"eventType\", \"payload\") VALUES ('w1', 'fa1', 'fc1', 'capital_call.created', '[]')");
        Db.AuditLog("a1", "u1", "o1");

        Db.Execute("DELETE FROM \"Organization\" WHERE \"id\" = 'o1'");

        Assert.Multiple(() =>
        {
            Assert.That(Db.Rows("User", "\"id\" = 'u1' AND \"organizationId\" IS NULL"), Is.EqualTo(1), SetNull);
            Assert.That(Db.Rows("Document", "\"id\" = 'd1' AND \"organizationId\" IS NULL"), Is.EqualTo(1), SetNull);
            Assert.That(Db.Rows("FundAdminConnection"), Is.Zero, Cascade);
            Assert.That(Db.Rows("FundMapping"), Is.Zero, "cascades through the connection");
            Assert.That(Db.Rows("WebhookLog", "\"connectionId\" IS NULL AND \"fundAdministratorId\" = 'fa1'"), Is.EqualTo(1), SetNull);
            Assert.That(Db.Rows("AuditLog", "\"organizationId\" IS NULL"), Is.EqualTo(1), SetNull);
            Assert.That(Db.Rows("FundAdministrator"), Is.EqualTo(1), "the registry is not tenant data");
        });
    }

    [Test]
    public async Task A_capital_call_with_payments_cannot_be_deleted_and_one_without_detaches_its_integrations()
    {
        await MigrateAsync();
        Db.Organization("o1");
        Db.User("u1", "o1");
        Db.CapitalCall("c1", "u1");
        Db.CapitalCall("c2", "u1");
        Db.Payment("p1", "c1", "u1");
        Db.Execute("INSERT INTO \"AccountingConnection\" (\"id\", \"organizationId\", \"platform\", \"accessToken\") VALUES ('ac1', 'o1', 'XERO', 'token')");
        Db.Execute("INSERT INTO \"AccountingTransaction\" (\"id\", \"connectionId\", \"capitalCallId\", \"externalId\", \"transactionType\", \"amount\") VALUES ('t1', 'ac1', 'c2', 'X-1', 'BILL', 1000)");
        Db.Execute("INSERT INTO \"SignatureRequest\" (\"id\", \"documentId\", \"capitalCallId\", \"userId\", \"provider\", \"envelopeId\", \"signers\") VALUES ('s1', 'doc-c2', 'c2', 'u1', 'DOCUSIGN', 'env-1', '[]')");

        Assert.That(() => Db.Execute("DELETE FROM \"CapitalCall\" WHERE \"id\" = 'c1'"), Throws.InstanceOf<DbException>(), NoAction);
        Db.Execute("DELETE FROM \"CapitalCall\" WHERE \"id\" = 'c2'");

        Assert.Multiple(() =>
        {
            Assert.That(Db.Rows("CapitalCall", "\"id\" = 'c1'"), Is.EqualTo(1));
            Assert.That(Db.Rows("Payment"), Is.EqualTo(1));
            Assert.That(Db.Rows("AccountingTransaction", "\"capitalCallId\" IS NULL"), Is.EqualTo(1), SetNull);
            Assert.That(Db.Rows("SignatureRequest", "\"capitalCallId\" IS NULL"), Is.EqualTo(1), SetNull);
        });
    }

    [Test]
    public async Task Deleting_a_document_removes_its_capital_call_and_signature_requests()
    {
        await MigrateAsync();
        Db.User("u1");
        Db.CapitalCall("c1", "u1");
        Db.Execute("INSERT INTO \"SignatureRequest\" (\"id\", \"documentId\", \"userId\", \"provider\", \"envelopeId\", \"signers\") VALUES ('s1', 'doc-c1', 'u1', 'HELLOSIGN', 'env-1', '[]')");

        Db.Execute("DELETE FROM \"Document\" WHERE \"id\" = 'doc-c1'");

        Assert.That(Db.Rows("CapitalCall"), Is.Zero, Cascade);
        Assert.That(Db.Rows("SignatureRequest"), Is.Zero, Cascade);
    }

    [Test]
    public async Task A_fund_administrator_in_use_cannot_leave_the_registry()
    {
        await MigrateAsync();
        Db.Organization("o1");
        Db.FundAdministrator("fa1");
        Db.FundAdministrator("fa2");
        Db.FundAdminConnection("fc1", "o1", "fa1");

        Assert.That(() => Db.Execute("DELETE FROM \"FundAdministrator\" WHERE \"id\" = 'fa1'"), Throws.InstanceOf<DbException>(), NoAction);
        Db.Execute("DELETE FROM \"FundAdministrator\" WHERE \"id\" = 'fa2'");
        Assert.That(Db.Rows("FundAdministrator"), Is.EqualTo(1));
    }

    [Test]
    public async Task Deleting_a_custom_role_returns_members_to_their_built_in_role()
    {
        await MigrateAsync();
        Db.Organization("o1");
        Db.User("u1", "o1");
        Db.Execute("INSERT INTO \"OrganizationRole\" (\"id\", \"organizationId\", \"name\", \"permissions\") VALUES ('r1', 'o1', 'Approver', '[]')");
        Db.Execute("INSERT INTO \"OrganizationMember\" (\"id\", \"organizationId\", \"userId\", \"role\", \"customRoleId\") VALUES ('m1', 'o1', 'u1', 'ADMIN', 'r1')");

        Db.Execute("DELETE FROM \"OrganizationRole\"");

        Assert.That(Db.Rows("OrganizationMember", "\"customRoleId\" IS NULL AND \"role\" = 'ADMIN'"), Is.EqualTo(1), SetNull);
    }

    private IReadOnlyList<string> ForeignKeys()
    {
        var rows = IsPostgres
            ? Db.Query("""
                SELECT child.relname, a.attname, parent.relname,
                       CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END
                FROM pg_constraint c
                JOIN pg_class child ON child.oid = c.conrelid
                JOIN pg_class parent ON parent.oid = c.confrelid
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE c.contype = 'f' AND n.nspname = 'public'
                """)
            : Db.Query("""
                SELECT m.name, f."from", f."table", f.on_delete
                FROM sqlite_master m, pragma_foreign_key_list(m.name) f
                WHERE m.type = 'table'
                """);
        return rows.Select(r => $"{r[0]}.{r[1]} -> {r[2]} {r[3]}").Order(StringComparer.Ordinal).ToArray();
    }
}
