using Migrations.Filetrack.Support;

namespace Migrations.Filetrack.Migrations;

// The seed's database functions: updatedAt maintenance, and the upsert helpers (archived as
// 000000000800_upsert_functions.sql, folded into the master). SQLite has no stored functions:
// it gets updatedAt triggers, and callers write INSERT ... ON CONFLICT DO UPDATE themselves.
public sealed partial class MasterConsolidatedSchema
{
    // SECURITY INVOKER (the default): the caller's row-level security still applies to the upserts.
    private static readonly string[] UpsertFunctions =
    [
        """
        CREATE FUNCTION public.upsert_pattern(p_user_id uuid, p_file_extension text, p_seen_at timestamptz DEFAULT now())
        RETURNS public.patterns LANGUAGE sql AS $fn$
            INSERT INTO public.patterns ("userId", "fileExtension", "frequency", "lastSeenAt")
            VALUES (p_user_id, p_file_extension, 1, p_seen_at)
            ON CONFLICT ("userId", "fileExtension") DO UPDATE
                SET "frequency" = public.patterns."frequency" + 1,
                    "lastSeenAt" = greatest(public.patterns."lastSeenAt", EXCLUDED."lastSeenAt")
            RETURNING *
        $fn$
        """,
        """
        CREATE FUNCTION public.upsert_privacy_prefs(p_user_id uuid, p_telemetry_enabled boolean, p_crash_reports_enabled boolean, p_data_retention_days integer)
        RETURNS public.privacy_prefs LANGUAGE sql AS $fn$
            INSERT INTO public.privacy_prefs ("userId", "telemetryEnabled", "crashReportsEnabled", "dataRetentionDays")
            VALUES (p_user_id, p_telemetry_enabled, p_crash_reports_enabled, p_data_retention_days)
            ON CONFLICT ("userId") DO UPDATE
                SET "telemetryEnabled" = EXCLUDED."telemetryEnabled",
                    "crashReportsEnabled" = EXCLUDED."crashReportsEnabled",
                    "dataRetentionDays" = EXCLUDED."dataRetentionDays"
            RETURNING *
        $fn$
        """,
        """
        CREATE FUNCTION public.upsert_app_allowlist(p_user_id uuid, p_app_id text, p_is_allowed boolean, p_app_name text DEFAULT NULL)
        RETURNS public.app_allowlist LANGUAGE sql AS $fn$
            INSERT INTO public.app_allowlist ("userId", "appId", "appName", "isAllowed")
            VALUES (p_user_id, p_app_id, p_app_name, p_is_allowed)
            ON CONFLICT ("userId", "appId") DO UPDATE
                SET "isAllowed" = EXCLUDED."isAllowed",
                    "appName" = coalesce(EXCLUDED."appName", public.app_allowlist."appName")
            RETURNING *
        $fn$
        """,
        """
        CREATE FUNCTION public.upsert_signal_toggle(p_user_id uuid, p_signal text, p_enabled boolean)
        RETURNS public.signal_toggles LANGUAGE sql AS $fn$
            INSERT INTO public.signal_toggles ("userId", "signal", "enabled")
            VALUES (p_user_id, p_signal, p_enabled)
            ON CONFLICT ("userId", "signal") DO UPDATE SET "enabled" = EXCLUDED."enabled"
            RETURNING *
        $fn$
        """,
    ];

    private static readonly string[] UpsertFunctionSignatures =
    [
        "public.upsert_pattern(uuid, text, timestamptz)",
        "public.upsert_privacy_prefs(uuid, boolean, boolean, integer)",
        "public.upsert_app_allowlist(uuid, text, boolean, text)",
        "public.upsert_signal_toggle(uuid, text, boolean)",
    ];

    private void CreateUpdatedAtMaintenance()
    {
        var postgres = IfDatabase("postgres");
        postgres.Execute.Sql(UpdatedAtMaintenance.CreatePostgresFunction);
        var sqlite = IfDatabase("sqlite");
        foreach (var table in TablesWithUpdatedAt)
        {
            postgres.Execute.Sql(UpdatedAtMaintenance.PostgresTrigger(table));
            sqlite.Execute.Sql(UpdatedAtMaintenance.SqliteTrigger(table));
        }
    }

    private void CreateUpsertFunctions()
    {
        var postgres = IfDatabase("postgres");
        foreach (var function in UpsertFunctions)
        {
            postgres.Execute.Sql(function);
        }
    }

    private void DropUpsertFunctions()
    {
        var postgres = IfDatabase("postgres");
        foreach (var signature in UpsertFunctionSignatures)
        {
            postgres.Execute.Sql($"DROP FUNCTION IF EXISTS {signature}");
        }
    }
}
