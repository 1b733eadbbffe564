using FluentMigrator;

namespace Migrations.Workspace;

/// <summary>
/// 0028, Production and Staging: the admin audit trail (audit_logs, 0003) becomes append-only.
/// A row may be inserted, and its admin_user_id may still become NULL when that admin is deleted
/// (the ON DELETE SET NULL of 0003), but no other UPDATE and no DELETE is accepted: the trail is
/// evidence for security reviews, so nobody with database access may rewrite it. Developers
/// reset and edit their local data freely, so Development has no such trigger. A trigger on both
/// providers (PostgreSQL: a PL/pgSQL function raising an exception; SQLite: RAISE(ABORT)).
/// </summary>
[Migration(28, "0028_audit_logs_append_only (Production and Staging)")]
[Tags(TagBehavior.RequireAny, "Production", "Staging")]
public sealed class M0028_AuditLogsAppendOnly : Migration
{
    public const string Message = "audit_logs is append-only";

    /// <summary>Every column but admin_user_id: an UPDATE of any of these is refused.</summary>
    private const string GuardedColumns = "id, action, target_type, target_id, details_json, ip_address, user_agent, created_at";

    public override void Up()
    {
        IfDatabase("sqlite").Execute.Sql($"""
            CREATE TRIGGER trg_audit_logs_no_update BEFORE UPDATE OF {GuardedColumns} ON audit_logs
            BEGIN SELECT RAISE(ABORT, '{Message}'); END
            """);
        IfDatabase("sqlite").Execute.Sql($"""
            CREATE TRIGGER trg_audit_logs_no_delete BEFORE DELETE ON audit_logs
            BEGIN SELECT RAISE(ABORT, '{Message}'); END
            """);

        IfDatabase("postgres").Execute.Sql($"""
            CREATE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{Message}' USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """);
        IfDatabase("postgres").Execute.Sql($"""
            CREATE TRIGGER trg_audit_logs_no_update BEFORE UPDATE OF {GuardedColumns} ON audit_logs
            FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only()
            """);
        IfDatabase("postgres").Execute.Sql("""
            CREATE TRIGGER trg_audit_logs_no_delete BEFORE DELETE ON audit_logs
            FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only()
            """);
    }

    public override void Down()
    {
        IfDatabase("sqlite").Execute.Sql("DROP TRIGGER trg_audit_logs_no_delete");
        IfDatabase("sqlite").Execute.Sql("DROP TRIGGER trg_audit_logs_no_update");
        IfDatabase("postgres").Execute.Sql("DROP TRIGGER trg_audit_logs_no_delete ON audit_logs");
        IfDatabase("postgres").Execute.Sql("DROP TRIGGER trg_audit_logs_no_update ON audit_logs");
        IfDatabase("postgres").Execute.Sql("DROP FUNCTION audit_logs_append_only()");
    }
}
