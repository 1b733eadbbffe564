namespace Migrations.Filetrack.Migrations;

// The seed's database functions: updatedAt maintenance, and the upsert helpers (archived as
// 000000000800_upsert_functions.sql, folded into the master). SQLite has no stored functions:
// it gets updatedAt triggers, and callers write INSERT ... ON CONFLICT DO UPDATE themselves.
public sealed partial class MasterConsolidatedSchema
{
    private const string CreateUpdatedAtFunction = """
        CREATE FUNCTION public.update_updated_at_column() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            NEW."updatedAt" = now();
            RETURN NEW;
        END
        $fn$
        """;

    private const string DropUpdatedAtFunction = "DROP FUNCTION public.update_updated_at_column()";

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

    // Keeps "updatedAt" current on every update: a trigger function and one BEFORE UPDATE trigger
    // per table on PostgreSQL; on SQLite (no functions) an AFTER UPDATE trigger per table that
    // rewrites the column when the statement did not set it itself.
    private void CreateUpdatedAtMaintenance()
    {
        var postgres = IfDatabase("postgres");
        postgres.Execute.Sql(CreateUpdatedAtFunction);
        var sqlite = IfDatabase("sqlite");
        foreach (var table in TablesWithUpdatedAt)
        {
            postgres.Execute.Sql(PostgresUpdatedAtTrigger(table));
            sqlite.Execute.Sql(SqliteUpdatedAtTrigger(table));
        }
    }

    private static string PostgresUpdatedAtTrigger(string table) =>
        $"CREATE TRIGGER \"update_{table}_updated_at\" BEFORE UPDATE ON public.\"{table}\" FOR EACH ROW EXECUTE FUNCTION public.update_updated_at_column()";

    // Same text format as the column default (SystemMethods.CurrentDateTimeOffset on SQLite).
    private static string SqliteUpdatedAtTrigger(string table) => $"""
        CREATE TRIGGER "update_{table}_updated_at" AFTER UPDATE ON "{table}" FOR EACH ROW
        WHEN NEW."updatedAt" IS OLD."updatedAt"
        BEGIN
            UPDATE "{table}" SET "updatedAt" = strftime('%Y-%m-%d %H:%M:%f+00:00', 'now') WHERE rowid = NEW.rowid;
        END
        """;

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
