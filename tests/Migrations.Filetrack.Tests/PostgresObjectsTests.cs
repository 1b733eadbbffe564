using Migrations.Filetrack.Tests.Support;
using Migrations.Testing;

namespace Migrations.Filetrack.Tests;

/// <summary>The PostgreSQL-only objects: enums, functions, row-level security, and Supabase's own auth left alone.</summary>
[TestFixture(Provider.Postgres)]
public sealed class PostgresObjectsTests(Provider provider)
{
    private TestDatabase _db = null!;

    [SetUp]
    public void CreateDatabase() => _db = TestDatabase.Create(provider, "filetrack");

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    [Test]
    public async Task Enums_and_functions_exist_under_their_names()
    {
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();

        var enums = _db.Query("""
            SELECT t.typname || ':' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
            """).Select(r => (string)r[0]!);
        Assert.That(enums, Is.EquivalentTo(new[] { "user_role:user,admin", "organization_role:owner,admin,member,viewer" }));

        var functions = _db.Query("""
            SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('public', 'auth')
            """).Select(r => (string)r[0]!);
        Assert.That(functions, Is.EquivalentTo(new[]
        {
            "auth.uid()",
            "public.update_updated_at_column()",
            "public.is_admin()",
            "public.is_org_member(p_organization_id uuid)",
            "public.is_org_admin(p_organization_id uuid)",
            "public.upsert_pattern(p_user_id uuid, p_file_extension text, p_seen_at timestamp with time zone)",
            "public.upsert_privacy_prefs(p_user_id uuid, p_telemetry_enabled boolean, p_crash_reports_enabled boolean, p_data_retention_days integer)",
            "public.upsert_app_allowlist(p_user_id uuid, p_app_id text, p_is_allowed boolean, p_app_name text)",
            "public.upsert_signal_toggle(p_user_id uuid, p_signal text, p_enabled boolean)",
        }));
    }

    [Test]
    public async Task Every_table_has_row_level_security_and_an_admin_policy()
    {
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();

        var secured = _db.Query("SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity")
            .Select(r => (string)r[0]!);
        var adminPolicies = _db.Query("SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = tablename || '_admin_all'")
            .Select(r => (string)r[0]!);
        var publicReads = _db.Query("SELECT tablename || ':' || roles::text FROM pg_policies WHERE schemaname = 'public' AND policyname LIKE '%_public_read'")
            .Select(r => (string)r[0]!);

        Assert.That(secured, Is.EquivalentTo(FiletrackDatabase.Tables));
        Assert.That(adminPolicies, Is.EquivalentTo(FiletrackDatabase.Tables));
        Assert.That(publicReads, Is.EquivalentTo(new[] { "feature_flags:{anon,authenticated}", "offers:{anon,authenticated}" }));
    }

    [Test]
    public async Task Supabases_own_auth_uid_is_kept_on_migrate_and_on_rollback()
    {
        // What a Supabase project already has before the first migration.
        _db.Execute("""
            CREATE SCHEMA auth;
            CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT '00000000-0000-0000-0000-000000000042'::uuid $$;
            """);
        var runner = FiletrackDatabase.Runner(_db);

        await runner.MigrateUpAsync();
        Assert.That(_db.Scalar("SELECT auth.uid()::text"), Is.EqualTo("00000000-0000-0000-0000-000000000042"), "not replaced");

        await runner.RollbackToVersionAsync(0);
        Assert.That(_db.Scalar("SELECT auth.uid()::text"), Is.EqualTo("00000000-0000-0000-0000-000000000042"), "not dropped");
    }

    [Test]
    public async Task Rollback_keeps_the_cluster_wide_roles()
    {
        var runner = FiletrackDatabase.Runner(_db);
        await runner.MigrateUpAsync();

        await runner.RollbackToVersionAsync(0);

        Assert.That(_db.Count("SELECT count(*) FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role')"), Is.EqualTo(3));
        Assert.That(_db.Count("SELECT count(*) FROM pg_namespace WHERE nspname = 'auth'"), Is.Zero, "the stand-in auth schema is ours and goes");
    }
}
