namespace Migrations.Filetrack.Support;

/// <summary>
/// Keeps <c>updatedAt</c> current on every update: a trigger function and one BEFORE UPDATE
/// trigger per table on PostgreSQL; on SQLite (no functions) an AFTER UPDATE trigger per table
/// that rewrites the column when the statement did not set it itself.
/// </summary>
internal static class UpdatedAtMaintenance
{
    public const string FunctionName = "update_updated_at_column";

    public const string CreatePostgresFunction = """
        CREATE FUNCTION public.update_updated_at_column() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            NEW."updatedAt" = now();
            RETURN NEW;
        END
        $fn$
        """;

    public const string DropPostgresFunction = "DROP FUNCTION public.update_updated_at_column()";

    public static string TriggerName(string table) => $"update_{table}_updated_at";

    public static string PostgresTrigger(string table) =>
        $"CREATE TRIGGER \"{TriggerName(table)}\" BEFORE UPDATE ON public.\"{table}\" FOR EACH ROW EXECUTE FUNCTION public.{FunctionName}()";

    // Same text format as the column default (SystemMethods.CurrentDateTimeOffset on SQLite).
    public static string SqliteTrigger(string table) => $"""
        CREATE TRIGGER "{TriggerName(table)}" AFTER UPDATE ON "{table}" FOR EACH ROW
        WHEN NEW."updatedAt" IS OLD."updatedAt"
        BEGIN
            UPDATE "{table}" SET "updatedAt" = strftime('%Y-%m-%d %H:%M:%f+00:00', 'now') WHERE rowid = NEW.rowid;
        END
        """;
}
