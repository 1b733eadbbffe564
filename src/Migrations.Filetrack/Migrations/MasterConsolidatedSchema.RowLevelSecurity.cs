namespace Migrations.Filetrack.Migrations;

// Row-level security (PostgreSQL only; SQLite has none and is an embedded, single-user store):
// users reach their own rows, organisation members read their organisation's rows, admins reach
// everything, feature_flags and offers are public. Supabase's roles and auth.uid() are created
// first when absent.
public sealed partial class MasterConsolidatedSchema
{
    /// <summary>Tables owned by one user through "userId": read and changed only by that user.</summary>
    private static readonly string[] UserOwnedTables =
    [
        "sessions", "mfa_enforced_sessions", "events", "patterns", "relationships", "privacy_prefs", "app_allowlist",
        "signal_toggles", "telemetry_events", "subscriptions", "user_integrations",
    ];

    /// <summary>User-owned history the user may read but not rewrite (the service role writes it).</summary>
    private static readonly string[] UserReadOnlyTables = ["privacy_transparency_log", "utm_tracks", "cohorts"];

    private static readonly string[] PublicTables = ["offers", "feature_flags"];

    // SECURITY DEFINER: they read users and organization_members past those tables' own policies
    // (a policy on organization_members that queried organization_members would recurse).
    private const string CreateIsAdmin = """
        CREATE FUNCTION public.is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
            SELECT EXISTS (SELECT 1 FROM public.users WHERE "id" = auth.uid() AND "role" = 'admin')
        $fn$
        """;

    private const string CreateIsOrgMember = """
        CREATE FUNCTION public.is_org_member(p_organization_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
            SELECT EXISTS (SELECT 1 FROM public.organization_members
                           WHERE "organizationId" = p_organization_id AND "userId" = auth.uid())
        $fn$
        """;

    private const string CreateIsOrgAdmin = """
        CREATE FUNCTION public.is_org_admin(p_organization_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
            SELECT EXISTS (SELECT 1 FROM public.organization_members
                           WHERE "organizationId" = p_organization_id AND "userId" = auth.uid() AND "role" IN ('owner', 'admin'))
        $fn$
        """;

    private void CreateRowLevelSecurity()
    {
        var pg = IfDatabase("postgres").Execute;
        pg.Sql(CreateSupabaseRoles);
        pg.Sql(CreateAuthUid);
        pg.Sql(CreateIsAdmin);
        pg.Sql(CreateIsOrgMember);
        pg.Sql(CreateIsOrgAdmin);

        foreach (var table in AllMasterTables())
        {
            pg.Sql(Rls.Enable(table));
            pg.Sql(Rls.GrantToApplicationRoles(table));
            pg.Sql(Rls.AdminAll(table));
        }

        foreach (var statement in UserOwnedTables.SelectMany(t => Rls.OwnRows(t)))
        {
            pg.Sql(statement);
        }

        foreach (var statement in UserReadOnlyTables.SelectMany(t => Rls.OwnRows(t, readOnly: true)))
        {
            pg.Sql(statement);
        }

        foreach (var table in PublicTables)
        {
            pg.Sql(Rls.GrantPublicRead(table));
            pg.Sql(Rls.PublicRead(table));
        }

        // users: each user reads and updates their own account; the role column only an admin changes.
        foreach (var statement in Rls.OwnRows("users", ownerColumn: "id"))
        {
            pg.Sql(statement.Contains("_update_own", StringComparison.Ordinal)
                ? """CREATE POLICY "users_update_own" ON public."users" FOR UPDATE TO authenticated USING ("id" = auth.uid()) WITH CHECK ("id" = auth.uid() AND "role" = 'user')"""
                : statement);
        }

        // organizations: members read; the owner changes it; creating one makes you its owner.
        pg.Sql("""CREATE POLICY "organizations_select_member" ON public."organizations" FOR SELECT TO authenticated USING (public.is_org_member("id") OR "ownerId" = auth.uid())""");
        pg.Sql("""CREATE POLICY "organizations_insert_owner" ON public."organizations" FOR INSERT TO authenticated WITH CHECK ("ownerId" = auth.uid())""");
        pg.Sql("""CREATE POLICY "organizations_update_owner" ON public."organizations" FOR UPDATE TO authenticated USING ("ownerId" = auth.uid() OR public.is_org_admin("id")) WITH CHECK ("ownerId" = auth.uid() OR public.is_org_admin("id"))""");
        pg.Sql("""CREATE POLICY "organizations_delete_owner" ON public."organizations" FOR DELETE TO authenticated USING ("ownerId" = auth.uid())""");

        // organization_members: members see the roster; organisation owners and admins manage it.
        pg.Sql(Rls.OrganizationMembersRead("organization_members"));
        pg.Sql("""CREATE POLICY "organization_members_manage_org_admin" ON public."organization_members" FOR ALL TO authenticated USING (public.is_org_admin("organizationId")) WITH CHECK (public.is_org_admin("organizationId"))""");

        // workflows: the author does everything; members of its organisation read it.
        foreach (var statement in Rls.OwnRows("workflows"))
        {
            pg.Sql(statement);
        }

        pg.Sql(Rls.OrganizationMembersRead("workflows"));

        // Versions and executions follow their workflow: visible when it is, changed by its author.
        foreach (var child in new[] { "workflow_versions", "workflow_executions" })
        {
            pg.Sql($"""CREATE POLICY "{child}_select_visible_workflow" ON public."{child}" FOR SELECT TO authenticated USING (EXISTS (SELECT 1 FROM public."workflows" w WHERE w."id" = "workflowId"))""");
            pg.Sql($"""CREATE POLICY "{child}_write_workflow_owner" ON public."{child}" FOR ALL TO authenticated USING (EXISTS (SELECT 1 FROM public."workflows" w WHERE w."id" = "workflowId" AND w."userId" = auth.uid())) WITH CHECK (EXISTS (SELECT 1 FROM public."workflows" w WHERE w."id" = "workflowId" AND w."userId" = auth.uid()))""");
        }

        // audit_logs: users read their own entries, organisation members their organisation's.
        pg.Sql("""CREATE POLICY "audit_logs_select_own" ON public."audit_logs" FOR SELECT TO authenticated USING ("userId" = auth.uid())""");
        pg.Sql(Rls.OrganizationMembersRead("audit_logs"));

        // retention_policies: platform defaults are readable by all users, organisation rules by
        // members, and organisation owners and admins manage their organisation's rules.
        pg.Sql("""CREATE POLICY "retention_policies_select_default" ON public."retention_policies" FOR SELECT TO authenticated USING ("organizationId" IS NULL)""");
        pg.Sql(Rls.OrganizationMembersRead("retention_policies"));
        pg.Sql("""CREATE POLICY "retention_policies_manage_org_admin" ON public."retention_policies" FOR ALL TO authenticated USING ("organizationId" IS NOT NULL AND public.is_org_admin("organizationId")) WITH CHECK ("organizationId" IS NOT NULL AND public.is_org_admin("organizationId"))""");

        // metrics_log: admins only (the admin policy above); the service role writes it.
    }

    private void DropRowLevelSecurityFunctions()
    {
        var pg = IfDatabase("postgres").Execute;
        pg.Sql("DROP FUNCTION public.is_org_admin(uuid)");
        pg.Sql("DROP FUNCTION public.is_org_member(uuid)");
        pg.Sql("DROP FUNCTION public.is_admin()");
    }

    private static IEnumerable<string> AllMasterTables() =>
    [
        "users", "sessions", "mfa_enforced_sessions", "events", "patterns", "relationships", "organizations",
        "organization_members", "workflows", "workflow_versions", "workflow_executions", "privacy_prefs", "app_allowlist",
        "signal_toggles", "telemetry_events", "privacy_transparency_log", "audit_logs", "retention_policies",
        "subscriptions", "offers", "feature_flags", "utm_tracks", "cohorts", "metrics_log", "user_integrations",
    ];

    /// <summary>
    /// The policy shapes the seed describes, as PostgreSQL statements: owners reach their own rows,
    /// organisation members read their organisation's rows, admins (users.role = 'admin') reach
    /// everything, and some tables are public. Policies are written for the <c>authenticated</c> role
    /// (and <c>anon</c> for public reads); <c>service_role</c> bypasses row-level security.
    /// </summary>
    private static class Rls
    {
        public static string Enable(string table) => $"ALTER TABLE public.\"{table}\" ENABLE ROW LEVEL SECURITY";

        /// <summary>The four owner policies Supabase projects use: select, insert, update and delete own rows.</summary>
        public static IEnumerable<string> OwnRows(string table, string ownerColumn = "userId", bool readOnly = false)
        {
            var own = $"\"{ownerColumn}\" = auth.uid()";
            yield return $"CREATE POLICY \"{table}_select_own\" ON public.\"{table}\" FOR SELECT TO authenticated USING ({own})";
            if (readOnly)
            {
                yield break;
            }

            yield return $"CREATE POLICY \"{table}_insert_own\" ON public.\"{table}\" FOR INSERT TO authenticated WITH CHECK ({own})";
            yield return $"CREATE POLICY \"{table}_update_own\" ON public.\"{table}\" FOR UPDATE TO authenticated USING ({own}) WITH CHECK ({own})";
            yield return $"CREATE POLICY \"{table}_delete_own\" ON public.\"{table}\" FOR DELETE TO authenticated USING ({own})";
        }

        /// <summary>Members of the row's organisation may read it.</summary>
        public static string OrganizationMembersRead(string table, string organizationColumn = "organizationId") =>
            $"CREATE POLICY \"{table}_select_org_member\" ON public.\"{table}\" FOR SELECT TO authenticated " +
            $"USING (\"{organizationColumn}\" IS NOT NULL AND public.is_org_member(\"{organizationColumn}\"))";

        /// <summary>Admins have elevated access: every command on every row.</summary>
        public static string AdminAll(string table) =>
            $"CREATE POLICY \"{table}_admin_all\" ON public.\"{table}\" FOR ALL TO authenticated USING (public.is_admin()) WITH CHECK (public.is_admin())";

        /// <summary>Readable by everyone, signed in or not.</summary>
        public static string PublicRead(string table) =>
            $"CREATE POLICY \"{table}_public_read\" ON public.\"{table}\" FOR SELECT TO anon, authenticated USING (true)";

        /// <summary>The table privileges the application roles hold; row-level security then narrows the rows.</summary>
        public static string GrantToApplicationRoles(string table) =>
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON public.\"{table}\" TO authenticated, service_role";

        public static string GrantPublicRead(string table) => $"GRANT SELECT ON public.\"{table}\" TO anon";
    }
}
