using FluentMigrator;

namespace Migrations.Clearway;

/// <summary>
/// <c>add_materialized_views.sql</c> (history 1.0.1 "Materialized Views", applied last as the seed's
/// Migration Order demands): the seven composite and single-column indexes the seed's rollback
/// block names, on the base tables the views and the dashboard read, then the two views.
/// <para>
/// The seed names the views only; both aggregate <c>CapitalCall</c> per investor (<c>userId</c>),
/// since every screen of the app is scoped to the signed-in user. PostgreSQL: materialized views,
/// each with the unique index that <c>REFRESH MATERIALIZED VIEW CONCURRENTLY</c> requires. SQLite:
/// plain views with the same names and columns (always current, so nothing to refresh). Their SQL
/// lives here, as constants, because this migration is applied: editing it later must not change
/// what it made.
/// </para>
/// </summary>
[Migration(ClearwayVersions.AddMaterializedViews, "add_materialized_views: monthly_call_summary, fund_performance_summary and seven base-table indexes (history 1.0.1)")]
public sealed class AddMaterializedViews : Migration
{
    public const string MonthlyCallSummary = "monthly_call_summary";

    public const string FundPerformanceSummary = "fund_performance_summary";

    /// <summary>The seed's "Rollback add_materialized_views.sql" block, verbatim.</summary>
    public const string SeedRollbackSql = """
        DROP MATERIALIZED VIEW IF EXISTS monthly_call_summary CASCADE;
        DROP MATERIALIZED VIEW IF EXISTS fund_performance_summary CASCADE;
        DROP INDEX IF EXISTS idx_capital_call_user_status;
        DROP INDEX IF EXISTS idx_capital_call_user_duedate;
        DROP INDEX IF EXISTS idx_capital_call_user_fund;
        DROP INDEX IF EXISTS idx_capital_call_amount;
        DROP INDEX IF EXISTS idx_capital_call_approved_at;
        DROP INDEX IF EXISTS idx_document_user_status;
        DROP INDEX IF EXISTS idx_document_org_uploaded;
        """;

    /// <summary>The same block for SQLite: plain views, and no CASCADE on DROP.</summary>
    public const string SqliteRollbackSql = """
        DROP VIEW IF EXISTS monthly_call_summary;
        DROP VIEW IF EXISTS fund_performance_summary;
        DROP INDEX IF EXISTS idx_capital_call_user_status;
        DROP INDEX IF EXISTS idx_capital_call_user_duedate;
        DROP INDEX IF EXISTS idx_capital_call_user_fund;
        DROP INDEX IF EXISTS idx_capital_call_amount;
        DROP INDEX IF EXISTS idx_capital_call_approved_at;
        DROP INDEX IF EXISTS idx_document_user_status;
        DROP INDEX IF EXISTS idx_document_org_uploaded;
        """;

    // "Outstanding" is what is still to be paid: PENDING_REVIEW and APPROVED. REJECTED counts in totals only.
    private const string OpenStatuses = "('PENDING_REVIEW', 'APPROVED')";

    private const string FundPerformanceSummarySelect = $"""
        SELECT "userId",
               "fundName",
               count(*) AS call_count,
               sum("amountDue") AS total_called,
               sum(CASE WHEN "status" = 'PAID' THEN "amountDue" ELSE 0 END) AS total_paid,
               sum(CASE WHEN "status" IN {OpenStatuses} THEN "amountDue" ELSE 0 END) AS total_outstanding,
               min("dueDate") AS first_due_date,
               max("dueDate") AS last_due_date
        FROM "CapitalCall"
        GROUP BY "userId", "fundName"
        """;

    // The month a call falls due, as a date: PostgreSQL 'date', SQLite 'YYYY-MM-01' text.
    private const string PostgresMonth = "date_trunc('month', \"dueDate\")::date";
    private const string SqliteMonth = "date(\"dueDate\", 'start of month')";

    public const string PostgresCreate = $"""
        CREATE MATERIALIZED VIEW monthly_call_summary AS
        SELECT "userId",
               {PostgresMonth} AS month,
               count(*) AS call_count,
               sum("amountDue") AS total_amount,
               sum(CASE WHEN "status" = 'PAID' THEN 1 ELSE 0 END) AS paid_count,
               sum(CASE WHEN "status" = 'PAID' THEN "amountDue" ELSE 0 END) AS paid_amount,
               sum(CASE WHEN "status" IN {OpenStatuses} THEN "amountDue" ELSE 0 END) AS outstanding_amount
        FROM "CapitalCall"
        GROUP BY "userId", {PostgresMonth}
        WITH DATA;
        CREATE UNIQUE INDEX monthly_call_summary_user_month_key ON monthly_call_summary ("userId", month);
        CREATE MATERIALIZED VIEW fund_performance_summary AS
        {FundPerformanceSummarySelect}
        WITH DATA;
        CREATE UNIQUE INDEX fund_performance_summary_user_fund_key ON fund_performance_summary ("userId", "fundName");
        """;

    public const string SqliteCreate = $"""
        CREATE VIEW monthly_call_summary AS
        SELECT "userId",
               {SqliteMonth} AS month,
               count(*) AS call_count,
               sum("amountDue") AS total_amount,
               sum(CASE WHEN "status" = 'PAID' THEN 1 ELSE 0 END) AS paid_count,
               sum(CASE WHEN "status" = 'PAID' THEN "amountDue" ELSE 0 END) AS paid_amount,
               sum(CASE WHEN "status" IN {OpenStatuses} THEN "amountDue" ELSE 0 END) AS outstanding_amount
        FROM "CapitalCall"
        GROUP BY "userId", {SqliteMonth};
        CREATE VIEW fund_performance_summary AS
        {FundPerformanceSummarySelect};
        """;

    public override void Up()
    {
        // Dashboard lists: a user's calls by status, by due date, by fund; reporting by amount and approval.
        Create.Index("idx_capital_call_user_status").OnTable("CapitalCall").OnColumn("userId").Ascending().OnColumn("status").Ascending();
        Create.Index("idx_capital_call_user_duedate").OnTable("CapitalCall").OnColumn("userId").Ascending().OnColumn("dueDate").Ascending();
        Create.Index("idx_capital_call_user_fund").OnTable("CapitalCall").OnColumn("userId").Ascending().OnColumn("fundName").Ascending();
        Create.Index("idx_capital_call_amount").OnTable("CapitalCall").OnColumn("amountDue").Descending();
        Create.Index("idx_capital_call_approved_at").OnTable("CapitalCall").OnColumn("approvedAt").Descending();
        Create.Index("idx_document_user_status").OnTable("Document").OnColumn("userId").Ascending().OnColumn("status").Ascending();
        Create.Index("idx_document_org_uploaded").OnTable("Document").OnColumn("organizationId").Ascending().OnColumn("uploadedAt").Descending();

        IfDatabase("postgres").Execute.Sql(PostgresCreate);
        IfDatabase("sqlite").Execute.Sql(SqliteCreate);
    }

    public override void Down()
    {
        IfDatabase("postgres").Execute.Sql(SeedRollbackSql);
        IfDatabase("sqlite").Execute.Sql(SqliteRollbackSql);
    }
}
