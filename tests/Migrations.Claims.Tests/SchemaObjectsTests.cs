using Migrations.Claims.Tests.Support;
using Migrations.Testing;

namespace Migrations.Claims.Tests;

/// <summary>After migrate, the catalog holds every object the seed names, under the seed's (Prisma's) names.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class SchemaObjectsTests(Provider provider) : ClaimsDatabaseTest(provider)
{
    [SetUp]
    public Task Migrate() => MigrateToLatestAsync();

    [Test]
    public void ClientProConnection_has_a_nullable_claimId_referencing_claims_that_is_set_null_on_delete()
    {
        Assert.That(Introspect.Columns(Db, "ClientProConnection")["claimId"], Is.True, "claimId is optional (String?)");
        Assert.That(Introspect.ForeignKeys(Db, "ClientProConnection"), Does.Contain(
            new ForeignKeyInfo("ClientProConnection_claimId_fkey", "claimId", "claims", "id", "SET NULL", "CASCADE")));
    }

    [Test]
    public void Email_log_has_the_seed_models_columns_and_nullability()
    {
        Assert.That(Introspect.Columns(Db, "email_log"), Is.EqualTo(new Dictionary<string, bool>
        {
            ["id"] = false, ["reportId"] = true, ["claimId"] = true, ["orgId"] = false, ["recipientEmail"] = false,
            ["recipientName"] = true, ["subject"] = false, ["resendId"] = true, ["status"] = false, ["openedAt"] = true,
            ["clickedAt"] = true, ["errorMessage"] = true, ["metadata"] = true, ["createdAt"] = false, ["updatedAt"] = false,
        }));
    }

    [Test]
    public void Email_log_has_its_three_indexes()
    {
        Assert.That(Introspect.Indexes(Db, "email_log"), Is.EqualTo(new Dictionary<string, bool>
        {
            ["email_log_orgId_createdAt_idx"] = false, ["email_log_reportId_idx"] = false, ["email_log_status_idx"] = false,
        }));
        Assert.That(Introspect.IndexColumns(Db, "email_log_orgId_createdAt_idx"), Is.EqualTo(new[] { "orgId", "createdAt" }));
        Assert.That(Introspect.IndexColumns(Db, "email_log_reportId_idx"), Is.EqualTo(new[] { "reportId" }));
        Assert.That(Introspect.IndexColumns(Db, "email_log_status_idx"), Is.EqualTo(new[] { "status" }));
        Assert.That(Introspect.ForeignKeys(Db, "email_log"), Is.Empty, "the model declares no relations");
    }

    [Test]
    public void Email_log_defaults_status_to_queued_and_stamps_both_times()
    {
        Db.Execute("INSERT INTO \"email_log\" (\"id\", \"orgId\", \"recipientEmail\", \"subject\") VALUES ('e1', 'org', 'a@b.c', 'Your report')");

        var row = Db.Query("SELECT \"status\", \"createdAt\", \"updatedAt\" FROM \"email_log\"").Single();
        Assert.That(row[0], Is.EqualTo("queued"));
        Assert.That(row[1], Is.Not.Null);
        Assert.That(row[2], Is.Not.Null);
    }

    [Test]
    public void ClaimContractor_has_its_columns_unique_pair_both_indexes_and_both_references()
    {
        Assert.That(Introspect.Columns(Db, "ClaimContractor"), Is.EqualTo(new Dictionary<string, bool>
        {
            ["id"] = false, ["claimId"] = false, ["companyId"] = false, ["role"] = false, ["status"] = false,
            ["assignedAt"] = false, ["acceptedAt"] = true, ["completedAt"] = true, ["notes"] = true,
        }));
        Assert.That(Introspect.Indexes(Db, "ClaimContractor"), Is.EqualTo(new Dictionary<string, bool>
        {
            ["ClaimContractor_claimId_companyId_key"] = true, ["ClaimContractor_claimId_idx"] = false, ["ClaimContractor_companyId_idx"] = false,
        }));
        Assert.That(Introspect.IndexColumns(Db, "ClaimContractor_claimId_companyId_key"), Is.EqualTo(new[] { "claimId", "companyId" }));
        Assert.That(Introspect.ForeignKeys(Db, "ClaimContractor"), Is.EqualTo(new[]
        {
            new ForeignKeyInfo("ClaimContractor_claimId_fkey", "claimId", "claims", "id", "RESTRICT", "CASCADE"),
            new ForeignKeyInfo("ClaimContractor_companyId_fkey", "companyId", "tradesCompany", "id", "RESTRICT", "CASCADE"),
        }));
    }

    [Test]
    public void ClaimContractor_companyId_is_a_uuid_like_the_trades_company_id()
    {
        if (Provider == Provider.Postgres)
        {
            Assert.That(Db.Scalar("SELECT data_type FROM information_schema.columns WHERE table_name = 'ClaimContractor' AND column_name = 'companyId'"), Is.EqualTo("uuid"));
            Assert.That(Db.Scalar("SELECT data_type FROM information_schema.columns WHERE table_name = 'tradesCompany' AND column_name = 'id'"), Is.EqualTo("uuid"));
        }
        else
        {
            Assert.That(Db.Scalar("SELECT type FROM pragma_table_info('ClaimContractor') WHERE name = 'companyId'"), Is.EqualTo("TEXT"), "SQLite keeps uuids as text");
        }
    }

    [Test]
    public void ClaimContractor_defaults_status_to_assigned_and_assignedAt_to_now()
    {
        Db.Execute(Rows.Claim("c1", "org"));
        Db.Execute(Rows.Company(Rows.CompanyA, "A"));
        Db.Execute(Rows.ClaimContractor("cc1", "c1", Rows.CompanyA));

        var row = Db.Query("SELECT \"status\", \"assignedAt\", \"acceptedAt\" FROM \"ClaimContractor\"").Single();
        Assert.That(row[0], Is.EqualTo("assigned"));
        Assert.That(row[1], Is.Not.Null);
        Assert.That(row[2], Is.Null);
    }

    [Test]
    public void Storage_usage_has_a_unique_orgId_its_index_and_zero_defaults()
    {
        Assert.That(Introspect.Columns(Db, "storage_usage"), Is.EqualTo(new Dictionary<string, bool>
        {
            ["id"] = false, ["orgId"] = false, ["usedBytes"] = false, ["fileCount"] = false, ["lastSync"] = false,
        }));
        Assert.That(Introspect.Indexes(Db, "storage_usage"), Is.EqualTo(new Dictionary<string, bool>
        {
            ["storage_usage_orgId_key"] = true, ["storage_usage_orgId_idx"] = false,
        }));

        Db.Execute("INSERT INTO \"storage_usage\" (\"id\", \"orgId\") VALUES ('s1', 'org')");
        var row = Db.Query("SELECT \"usedBytes\", \"fileCount\", \"lastSync\" FROM \"storage_usage\"").Single();
        Assert.That(Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture), Is.Zero);
        Assert.That(Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture), Is.Zero);
        Assert.That(row[2], Is.Not.Null);
        AssertRefused("INSERT INTO \"storage_usage\" (\"id\", \"orgId\") VALUES ('s2', 'org')", "one usage row per organisation");
    }

    [Test]
    public void Storage_usage_counts_more_than_two_gigabytes()
    {
        Db.Execute("INSERT INTO \"storage_usage\" (\"id\", \"orgId\", \"usedBytes\") VALUES ('s1', 'org', 5000000000)");

        Assert.That(Db.Count("SELECT \"usedBytes\" FROM \"storage_usage\""), Is.EqualTo(5_000_000_000L), "usedBytes is a BigInt");
    }

    [Test]
    public void Report_queue_has_its_columns_both_indexes_and_defaults()
    {
        Assert.That(Introspect.Columns(Db, "report_queue"), Is.EqualTo(new Dictionary<string, bool>
        {
            ["id"] = false, ["reportId"] = false, ["claimId"] = false, ["orgId"] = false, ["priority"] = false, ["status"] = false,
            ["attempts"] = false, ["lastError"] = true, ["scheduledFor"] = true, ["startedAt"] = true, ["completedAt"] = true, ["createdAt"] = false,
        }));
        Assert.That(Introspect.Indexes(Db, "report_queue"), Is.EqualTo(new Dictionary<string, bool>
        {
            ["report_queue_status_priority_createdAt_idx"] = false, ["report_queue_orgId_idx"] = false,
        }));
        Assert.That(Introspect.IndexColumns(Db, "report_queue_status_priority_createdAt_idx"), Is.EqualTo(new[] { "status", "priority", "createdAt" }));
        Assert.That(Introspect.IndexColumns(Db, "report_queue_orgId_idx"), Is.EqualTo(new[] { "orgId" }));

        Db.Execute("INSERT INTO \"report_queue\" (\"id\", \"reportId\", \"claimId\", \"orgId\") VALUES ('q1', 'r1', 'c1', 'org')");
        var row = Db.Query("SELECT \"priority\", \"status\", \"attempts\", \"createdAt\" FROM \"report_queue\"").Single();
        Assert.That(Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(5));
        Assert.That(row[1], Is.EqualTo("queued"));
        Assert.That(Convert.ToInt32(row[2], System.Globalization.CultureInfo.InvariantCulture), Is.Zero);
        Assert.That(row[3], Is.Not.Null);
    }

    [Test]
    public void The_role_and_queue_state_checks_are_in_the_catalog()
    {
        if (Provider == Provider.Postgres)
        {
            var checks = Db.Query("SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace").Select(r => (string)r[0]!);
            Assert.That(checks, Is.EquivalentTo(new[] { "ClaimContractor_role_check", "ai_reports_status_check", "report_queue_status_check" }));
        }
        else
        {
            Assert.That(Db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'ClaimContractor'"), Does.Contain("CHECK (\"role\" IN ('primary_contractor', 'subcontractor', 'consultant'))"));
            Assert.That(Db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'ai_reports'"), Does.Contain("CHECK (\"status\" IN ('queued', 'processing', 'completed', 'failed'))"));
            Assert.That(Db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'report_queue'"), Does.Contain("CHECK (\"status\" IN ('queued', 'processing', 'completed', 'failed'))"));
        }
    }

    [Test]
    public void Existing_tables_the_features_rely_on_have_the_columns_the_seed_mentions()
    {
        Assert.That(Introspect.Columns(Db, "ai_reports").Keys, Does.Contain("status"));
        Assert.That(Introspect.Columns(Db, "email_queue").Keys, Does.Contain("react_json"));
        Assert.That(Introspect.Columns(Db, "PortalLink").Keys, Does.Contain("token"));
        Assert.That(Introspect.Indexes(Db, "PortalLink")["PortalLink_token_key"], Is.True, "a portal token opens exactly one link");
        Assert.That(Introspect.Columns(Db, "claim_events").Keys, Is.SupersetOf(new[] { "claimId", "type", "data", "createdAt" }));
        Assert.That(Introspect.Columns(Db, "branding_uploads").Keys, Is.SupersetOf(new[] { "orgId", "sizeBytes" }));
        Assert.That(Introspect.Columns(Db, "claim_documents").Keys, Is.SupersetOf(new[] { "claimId", "sizeBytes" }));
        Assert.That(Introspect.Columns(Db, "ClaimTimelineEvent").Keys, Is.SupersetOf(new[] { "claimId", "visibleToClient", "occurredAt" }));
    }

    [Test]
    public void Every_claim_child_of_the_baseline_cascades_and_connections_follow_their_company()
    {
        foreach (var table in new[] { "ai_reports", "ClaimTimelineEvent", "PortalLink", "claim_events", "claim_documents" })
        {
            Assert.That(Introspect.ForeignKeys(Db, table), Is.EqualTo(new[]
            {
                new ForeignKeyInfo($"{table}_claimId_fkey", "claimId", "claims", "id", "CASCADE", "CASCADE"),
            }), table);
        }

        Assert.That(Introspect.ForeignKeys(Db, "ClientProConnection"), Does.Contain(
            new ForeignKeyInfo("ClientProConnection_companyId_fkey", "companyId", "tradesCompany", "id", "CASCADE", "CASCADE")));
    }
}
