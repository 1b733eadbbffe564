namespace Migrations.Runner.Tests.Adoption;

/// <summary>
/// What a Supabase project's database holds before its first migration, as far as filetrack's
/// migrations and our schema comparison care: the API roles and their default privileges on
/// <c>public</c>, Supabase's own <c>auth</c> schema
/// with <c>auth.uid()</c>, <c>auth.role()</c>, <c>auth.jwt()</c> and (a few columns of)
/// <c>auth.users</c>, extensions in the <c>extensions</c> schema, and the <c>storage</c> and
/// <c>graphql_public</c> schemas. None of it carries the migrations' stand-in marker, so the
/// master's <c>Down()</c> must leave it all in place.
/// </summary>
public static class SupabasePlatform
{
    // Roles are cluster-wide and other tests' migrations create them too: tolerate a concurrent creator.
    public const string Sql = """
        DO $roles$
        DECLARE
            wanted text;
        BEGIN
            FOREACH wanted IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = wanted) THEN
                    BEGIN
                        EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', wanted);
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN
                        NULL;
                    END;
                END IF;
            END LOOP;
        END
        $roles$;

        -- Supabase grants every new table, function and sequence in public to the API roles; policies then narrow the rows.
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated, service_role;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;

        CREATE SCHEMA extensions;
        CREATE EXTENSION "uuid-ossp" WITH SCHEMA extensions;
        CREATE EXTENSION pgcrypto WITH SCHEMA extensions;

        CREATE SCHEMA auth;
        CREATE TABLE auth.users (
            instance_id uuid, id uuid NOT NULL PRIMARY KEY, aud varchar(255), role varchar(255), email varchar(255),
            encrypted_password varchar(255), email_confirmed_at timestamptz, raw_app_meta_data jsonb, raw_user_meta_data jsonb,
            created_at timestamptz, updated_at timestamptz);
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
            select coalesce(
                nullif(current_setting('request.jwt.claim.sub', true), ''),
                (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
            )::uuid
        $$;
        CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
            select coalesce(
                nullif(current_setting('request.jwt.claim.role', true), ''),
                (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
            )::text
        $$;
        CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$
            select coalesce(
                nullif(current_setting('request.jwt.claim', true), ''),
                nullif(current_setting('request.jwt.claims', true), '')
            )::jsonb
        $$;
        GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;

        CREATE SCHEMA storage;
        CREATE TABLE storage.buckets (id text PRIMARY KEY, name text NOT NULL, public boolean DEFAULT false, created_at timestamptz DEFAULT now());
        CREATE SCHEMA graphql_public;
        """;

    /// <summary>True while Supabase's own <c>auth.uid()</c> (not the migrations' marked stand-in) is there.</summary>
    public const string OwnAuthUidExists =
        "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'auth' AND p.proname = 'uid' AND obj_description(p.oid, 'pg_proc') IS NULL";
}
