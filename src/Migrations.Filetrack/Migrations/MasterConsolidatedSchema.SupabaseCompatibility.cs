namespace Migrations.Filetrack.Migrations;

// What Supabase provides and plain PostgreSQL lacks: the roles anon, authenticated and
// service_role, and auth.uid(). Created only when absent, so a Supabase project keeps its own;
// a marker comment tells the rollback which ones this migration created.
public sealed partial class MasterConsolidatedSchema
{
    /// <summary>The comment that marks the auth schema and auth.uid() as created here (not Supabase's).</summary>
    private const string SupabaseAuthMarker = "filetrack: stand-in for Supabase auth";

    // Roles are cluster-wide and many databases migrate at once: each CREATE ROLE tolerates a
    // concurrent creator (duplicate_object, or unique_violation on pg_authid while racing).
    private const string CreateSupabaseRoles = """
        DO $roles$
        DECLARE
            wanted text;
        BEGIN
            FOREACH wanted IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = wanted) THEN
                    BEGIN
                        IF wanted = 'service_role' THEN
                            EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT BYPASSRLS', wanted);
                        ELSE
                            EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', wanted);
                        END IF;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN
                        NULL; -- another database's migration created it first
                    END;
                END IF;
            END LOOP;
        END
        $roles$
        """;

    // Supabase's auth.uid() reads the JWT subject from the request settings; this stand-in reads
    // the same settings, so policies written against auth.uid() behave the same on a plain server.
    private const string CreateAuthUid = $$"""
        DO $auth$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'auth') THEN
                CREATE SCHEMA auth;
                COMMENT ON SCHEMA auth IS '{{SupabaseAuthMarker}}';
            END IF;
            IF to_regprocedure('auth.uid()') IS NULL THEN
                CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $uid$
                    SELECT nullif(coalesce(
                        current_setting('request.jwt.claim.sub', true),
                        current_setting('request.jwt.claims', true)::jsonb ->> 'sub'), '')::uuid
                $uid$;
                COMMENT ON FUNCTION auth.uid() IS '{{SupabaseAuthMarker}}';
            END IF;
            GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
        END
        $auth$
        """;

    // Drops only what CreateAuthUid created (the marker says so); Supabase's own auth stays. Roles
    // are never dropped: other databases on the cluster use them.
    private const string DropAuthUid = $$"""
        DO $auth$
        BEGIN
            IF to_regprocedure('auth.uid()') IS NOT NULL
               AND obj_description(to_regprocedure('auth.uid()'), 'pg_proc') = '{{SupabaseAuthMarker}}' THEN
                DROP FUNCTION auth.uid();
            END IF;
            IF EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = 'auth'
                       AND obj_description(n.oid, 'pg_namespace') = '{{SupabaseAuthMarker}}') THEN
                DROP SCHEMA auth;
            END IF;
        END
        $auth$
        """;
}
