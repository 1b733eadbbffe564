namespace Migrations.Filetrack.Support;

/// <summary>
/// The policy shapes the seed describes, as PostgreSQL statements: owners reach their own rows,
/// organisation members read their organisation's rows, admins (users.role = 'admin') reach
/// everything, and some tables are public. Policies are written for the <c>authenticated</c> role
/// (and <c>anon</c> for public reads); <c>service_role</c> bypasses row-level security.
/// </summary>
internal static class RowLevelSecurity
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
