using Migrations.Filetrack.Tests.Support;
using Migrations.Testing;
using Npgsql;

namespace Migrations.Filetrack.Tests;

/// <summary>
/// Row-level security exists only on PostgreSQL. These run as login roles that are neither
/// superuser nor table owner, members of Supabase's <c>authenticated</c> or <c>anon</c>.
/// </summary>
[TestFixture(Provider.Postgres)]
public sealed class RowLevelSecurityTests(Provider provider)
{
    private const string UserA = "00000000-0000-0000-0000-0000000000a1";
    private const string UserB = "00000000-0000-0000-0000-0000000000b2";
    private const string Outsider = "00000000-0000-0000-0000-0000000000d4";
    private const string Admin = "00000000-0000-0000-0000-0000000000ad";
    private const string Org = "00000000-0000-0000-0000-00000000000c";

    /// <summary>One row per user for each table a user owns, "{u}" standing for the user's id.</summary>
    private static readonly (string Table, string Insert)[] UserOwnedRows =
    [
        ("sessions", """INSERT INTO "sessions" ("userId", "token", "expiresAt") VALUES ('{u}', 'tok-{u}', now())"""),
        ("mfa_enforced_sessions", """INSERT INTO "mfa_enforced_sessions" ("sessionId", "userId", "method", "expiresAt") SELECT "id", '{u}', 'totp', now() FROM "sessions" WHERE "userId" = '{u}'"""),
        ("events", """INSERT INTO "events" ("userId", "filePath", "eventType") VALUES ('{u}', '/docs/{u}.txt', 'created')"""),
        ("patterns", """INSERT INTO "patterns" ("userId", "fileExtension") VALUES ('{u}', '.pdf')"""),
        ("relationships", """INSERT INTO "relationships" ("userId", "sourceFile", "targetFile", "relationshipType") VALUES ('{u}', '/a', '/b', 'references')"""),
        ("privacy_prefs", """INSERT INTO "privacy_prefs" ("userId") VALUES ('{u}')"""),
        ("app_allowlist", """INSERT INTO "app_allowlist" ("userId", "appId") VALUES ('{u}', 'com.example.editor')"""),
        ("signal_toggles", """INSERT INTO "signal_toggles" ("userId", "signal") VALUES ('{u}', 'clipboard')"""),
        ("telemetry_events", """INSERT INTO "telemetry_events" ("userId", "eventName") VALUES ('{u}', 'app_opened')"""),
        ("privacy_transparency_log", """INSERT INTO "privacy_transparency_log" ("userId", "action", "dataCategory") VALUES ('{u}', 'export', 'files')"""),
        ("subscriptions", """INSERT INTO "subscriptions" ("userId", "plan") VALUES ('{u}', 'pro')"""),
        ("utm_tracks", """INSERT INTO "utm_tracks" ("userId", "source") VALUES ('{u}', 'newsletter')"""),
        ("cohorts", """INSERT INTO "cohorts" ("name", "userId", "cohortDate") VALUES ('2025-W01', '{u}', '2025-01-01')"""),
        ("user_integrations", """INSERT INTO "user_integrations" ("userId", "provider") VALUES ('{u}', 'github')"""),
        ("nps_submissions", """INSERT INTO "nps_submissions" ("userId", "score") VALUES ('{u}', 8)"""),
        ("workflows", """INSERT INTO "workflows" ("userId", "name") VALUES ('{u}', 'personal')"""),
    ];

    private static IEnumerable<string> UserOwnedTables => UserOwnedRows.Select(r => r.Table);

    private TestDatabase _db = null!;
    private ApplicationRole _authenticated = null!;
    private ApplicationRole _anon = null!;

    [SetUp]
    public async Task MigrateAndSeed()
    {
        _db = TestDatabase.Create(provider, "filetrack");
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();
        _db.Execute($"""
            INSERT INTO "users" ("id", "email", "role") VALUES
                ('{UserA}', 'a@example.com', 'user'), ('{UserB}', 'b@example.com', 'user'),
                ('{Outsider}', 'd@example.com', 'user'), ('{Admin}', 'admin@example.com', 'admin');
            INSERT INTO "organizations" ("id", "name", "slug", "ownerId") VALUES ('{Org}', 'Acme', 'acme', '{UserB}');
            INSERT INTO "organization_members" ("organizationId", "userId", "role") VALUES ('{Org}', '{UserB}', 'owner'), ('{Org}', '{UserA}', 'member');
            INSERT INTO "workflows" ("userId", "organizationId", "name") VALUES ('{UserB}', '{Org}', 'Team intake');
            INSERT INTO "workflow_versions" ("workflowId", "version", "definition") SELECT "id", 1, '{"{}"}' FROM "workflows" WHERE "name" = 'Team intake';
            INSERT INTO "feature_flags" ("key", "enabled") VALUES ('new_timeline', true);
            INSERT INTO "offers" ("code", "name", "priceCents", "billingInterval") VALUES ('PRO', 'Pro', 900, 'month');
            """);
        foreach (var user in new[] { UserA, UserB })
        {
            foreach (var (_, insert) in UserOwnedRows)
            {
                _db.Execute(insert.Replace("{u}", user, StringComparison.Ordinal));
            }
        }

        _authenticated = new ApplicationRole(_db, "authenticated");
        _anon = new ApplicationRole(_db, "anon");
    }

    [TearDown]
    public void DropDatabaseAndRoles()
    {
        _db.Dispose();
        _authenticated.Dispose();
        _anon.Dispose();
    }

    [Test]
    public void The_test_role_is_neither_superuser_nor_owner_of_the_tables()
    {
        Assert.That(_db.Count($"SELECT count(*) FROM pg_roles WHERE rolname = '{_authenticated.Name}' AND (rolsuper OR rolbypassrls)"), Is.Zero);
        Assert.That(_db.Count($"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = '{_authenticated.Name}'"), Is.Zero);
    }

    [Test]
    public void A_user_reads_their_own_rows_and_not_another_users()
    {
        Assert.Multiple(() =>
        {
            foreach (var table in UserOwnedTables)
            {
                Assert.That(_authenticated.Count(UserA, $"SELECT count(*) FROM \"{table}\" WHERE \"userId\" = '{UserA}'"), Is.GreaterThanOrEqualTo(1), $"{table}: own rows");
                // B's organisation workflow is readable by A as a member; B's personal rows are not.
                var othersRows = table == "workflows" ? $"\"userId\" = '{UserB}' AND \"organizationId\" IS NULL" : $"\"userId\" = '{UserB}'";
                Assert.That(_authenticated.Count(UserA, $"SELECT count(*) FROM \"{table}\" WHERE {othersRows}"), Is.Zero, $"{table}: B's rows");
            }

            Assert.That(_authenticated.Count(UserA, "SELECT count(*) FROM \"users\""), Is.EqualTo(1), "users: only the own account");
        });
    }

    [Test]
    public void A_user_cannot_update_another_users_rows()
    {
        Assert.Multiple(() =>
        {
            foreach (var table in UserOwnedTables)
            {
                var changed = _authenticated.Execute(UserA, $"UPDATE \"{table}\" SET \"userId\" = '{UserA}' WHERE \"userId\" = '{UserB}'");
                Assert.That(changed, Is.Zero, $"{table}: update of B's rows");
                Assert.That(_db.Count($"SELECT count(*) FROM \"{table}\" WHERE \"userId\" = '{UserB}'"), Is.GreaterThanOrEqualTo(1), $"{table}: B's rows intact");
            }

            Assert.That(_authenticated.Execute(UserA, $"UPDATE \"users\" SET \"name\" = 'hacked' WHERE \"id\" = '{UserB}'"), Is.Zero, "users: B's account");
        });
    }

    [Test]
    public void A_user_cannot_delete_another_users_rows()
    {
        var before = UserOwnedTables.ToDictionary(t => t, t => _db.Count($"SELECT count(*) FROM \"{t}\" WHERE \"userId\" = '{UserB}'"));

        Assert.Multiple(() =>
        {
            foreach (var table in UserOwnedTables)
            {
                Assert.That(_authenticated.Execute(UserA, $"DELETE FROM \"{table}\" WHERE \"userId\" = '{UserB}'"), Is.Zero, $"{table}: delete of B's rows");
                Assert.That(_db.Count($"SELECT count(*) FROM \"{table}\" WHERE \"userId\" = '{UserB}'"), Is.EqualTo(before[table]), $"{table}: B's rows intact");
            }

            Assert.That(_authenticated.Execute(UserA, $"DELETE FROM \"users\" WHERE \"id\" = '{UserB}'"), Is.Zero, "users: B's account");
        });
    }

    [Test]
    public void A_user_cannot_write_rows_in_another_users_name_but_can_in_their_own()
    {
        var refused = Assert.Throws<PostgresException>(() =>
            _authenticated.Execute(UserA, $"INSERT INTO \"events\" (\"userId\", \"filePath\", \"eventType\") VALUES ('{UserB}', '/x', 'created')"));
        Assert.That(refused!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege));

        Assert.That(_authenticated.Execute(UserA, $"INSERT INTO \"events\" (\"userId\", \"filePath\", \"eventType\") VALUES ('{UserA}', '/y', 'created')"), Is.EqualTo(1));
        Assert.That(_authenticated.Execute(UserA, $"DELETE FROM \"events\" WHERE \"userId\" = '{UserA}'"), Is.EqualTo(2));
    }

    [Test]
    public void A_user_cannot_make_themselves_admin()
    {
        Assert.Throws<PostgresException>(() => _authenticated.Execute(UserA, $"UPDATE \"users\" SET \"role\" = 'admin' WHERE \"id\" = '{UserA}'"));
        Assert.That(_authenticated.Execute(UserA, $"UPDATE \"users\" SET \"name\" = 'Ada' WHERE \"id\" = '{UserA}'"), Is.EqualTo(1));
    }

    [Test]
    public void Organisation_members_read_the_organisations_workflows_and_outsiders_do_not()
    {
        const string TeamWorkflows = "SELECT count(*) FROM \"workflows\" WHERE \"name\" = 'Team intake'";
        const string TeamVersions = "SELECT count(*) FROM \"workflow_versions\"";

        Assert.Multiple(() =>
        {
            Assert.That(_authenticated.Count(UserA, TeamWorkflows), Is.EqualTo(1), "member reads the organisation's workflow");
            Assert.That(_authenticated.Count(UserA, TeamVersions), Is.EqualTo(1), "member reads its versions");
            Assert.That(_authenticated.Count(UserA, "SELECT count(*) FROM \"organizations\""), Is.EqualTo(1), "member reads the organisation");
            Assert.That(_authenticated.Count(UserA, "SELECT count(*) FROM \"organization_members\""), Is.EqualTo(2), "member reads the roster");
            Assert.That(_authenticated.Count(Outsider, TeamWorkflows), Is.Zero, "non-member does not");
            Assert.That(_authenticated.Count(Outsider, TeamVersions), Is.Zero);
            Assert.That(_authenticated.Count(Outsider, "SELECT count(*) FROM \"organizations\""), Is.Zero);
            Assert.That(_authenticated.Count(Outsider, "SELECT count(*) FROM \"organization_members\""), Is.Zero);
            Assert.That(_authenticated.Execute(UserA, "UPDATE \"workflows\" SET \"name\" = 'renamed' WHERE \"name\" = 'Team intake'"), Is.Zero,
                "a plain member reads but does not change another member's workflow");
        });
    }

    [Test]
    public void An_admin_reads_and_changes_every_users_rows()
    {
        Assert.Multiple(() =>
        {
            foreach (var table in UserOwnedTables)
            {
                Assert.That(_authenticated.Count(Admin, $"SELECT count(*) FROM \"{table}\" WHERE \"userId\" = '{UserB}'"), Is.GreaterThanOrEqualTo(1), table);
            }

            Assert.That(_authenticated.Count(Admin, "SELECT count(*) FROM \"users\""), Is.EqualTo(4));
            Assert.That(_authenticated.Execute(Admin, $"UPDATE \"users\" SET \"name\" = 'Bea' WHERE \"id\" = '{UserB}'"), Is.EqualTo(1));
        });
    }

    [Test]
    public void Anonymous_requests_read_feature_flags_and_offers_and_nothing_else()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_anon.Count(null, "SELECT count(*) FROM \"feature_flags\""), Is.EqualTo(1));
            Assert.That(_anon.Count(null, "SELECT count(*) FROM \"offers\""), Is.EqualTo(1));
            foreach (var table in FiletrackDatabase.Tables.Except(["feature_flags", "offers"]))
            {
                var denied = Assert.Throws<PostgresException>(() => _anon.Count(null, $"SELECT count(*) FROM \"{table}\""), table);
                Assert.That(denied!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege), table);
            }

            Assert.Throws<PostgresException>(() => _anon.Execute(null, "UPDATE \"feature_flags\" SET \"enabled\" = false"), "anon cannot change flags");
        });
    }

    [Test]
    public void Signed_in_users_read_feature_flags_and_offers_but_do_not_change_them()
    {
        Assert.That(_authenticated.Count(UserA, "SELECT count(*) FROM \"feature_flags\""), Is.EqualTo(1));
        Assert.That(_authenticated.Count(UserA, "SELECT count(*) FROM \"offers\""), Is.EqualTo(1));
        Assert.That(_authenticated.Execute(UserA, "UPDATE \"feature_flags\" SET \"enabled\" = false"), Is.Zero);
    }

    [Test]
    public void The_upsert_helpers_insert_then_update_under_the_callers_policies()
    {
        _authenticated.Count(UserA, $"SELECT count(*) FROM public.upsert_pattern('{UserA}', '.docx')");
        _authenticated.Count(UserA, $"SELECT count(*) FROM public.upsert_pattern('{UserA}', '.docx')");
        _authenticated.Count(UserA, $"SELECT count(*) FROM public.upsert_privacy_prefs('{UserA}', true, false, 30)");
        _authenticated.Count(UserA, $"SELECT count(*) FROM public.upsert_app_allowlist('{UserA}', 'com.example.editor', false)");
        _authenticated.Count(UserA, $"SELECT count(*) FROM public.upsert_signal_toggle('{UserA}', 'clipboard', false)");

        Assert.Multiple(() =>
        {
            Assert.That(_db.Count($"SELECT \"frequency\" FROM \"patterns\" WHERE \"userId\" = '{UserA}' AND \"fileExtension\" = '.docx'"), Is.EqualTo(2));
            Assert.That(_db.Count($"SELECT \"dataRetentionDays\" FROM \"privacy_prefs\" WHERE \"userId\" = '{UserA}' AND \"telemetryEnabled\""), Is.EqualTo(30));
            Assert.That(_db.Count($"SELECT count(*) FROM \"app_allowlist\" WHERE \"userId\" = '{UserA}' AND NOT \"isAllowed\""), Is.EqualTo(1));
            Assert.That(_db.Count($"SELECT count(*) FROM \"signal_toggles\" WHERE \"userId\" = '{UserA}' AND NOT \"enabled\""), Is.EqualTo(1));
            Assert.Throws<PostgresException>(() => _authenticated.Count(UserA, $"SELECT count(*) FROM public.upsert_pattern('{UserB}', '.docx')"),
                "an upsert in another user's name is refused");
        });
    }
}
