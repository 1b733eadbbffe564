namespace Migrations.Clearway;

/// <summary>
/// The two reporting views of <c>add_materialized_views.sql</c>. The seed names them only; both
/// aggregate <c>CapitalCall</c> per investor (<c>userId</c>), since every screen of the app is scoped
/// to the signed-in user. PostgreSQL: materialized views, each with the unique index that
/// <c>REFRESH MATERIALIZED VIEW CONCURRENTLY</c> requires. SQLite: plain views with the same names
/// and columns (always current, so nothing to refresh).
/// </summary>
public static class ClearwayViews
{
    public const string MonthlyCallSummary = "monthly_call_summary";

    public const string FundPerformanceSummary = "fund_performance_summary";

    // The month a call falls due, as a date: PostgreSQL 'date', SQLite 'YYYY-MM-01' text.
    private const string PostgresMonth = "date_trunc('month', \"dueDate\")::date";
    private const string SqliteMonth = "date(\"dueDate\", 'start of month')";

    private const string OpenStatuses = "('PENDING_REVIEW', 'APPROVED')";

    private static string MonthlyCallSummarySelect(string month) => $"""
        SELECT "userId",
               {month} AS month,
               count(*) AS call_count,
               sum("amountDue") AS total_amount,
               sum(CASE WHEN "status" = 'PAID' THEN 1 ELSE 0 END) AS paid_count,
               sum(CASE WHEN "status" = 'PAID' THEN "amountDue" ELSE 0 END) AS paid_amount,
               sum(CASE WHEN "status" IN {OpenStatuses} THEN "amountDue" ELSE 0 END) AS outstanding_amount
        FROM "CapitalCall"
        GROUP BY "userId", {month}
        """;

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

    public static readonly string PostgresCreate = $"""
        CREATE MATERIALIZED VIEW monthly_call_summary AS
        {MonthlyCallSummarySelect(PostgresMonth)}
        WITH DATA;
        CREATE UNIQUE INDEX monthly_call_summary_user_month_key ON monthly_call_summary ("userId", month);
        CREATE MATERIALIZED VIEW fund_performance_summary AS
        {FundPerformanceSummarySelect}
        WITH DATA;
        CREATE UNIQUE INDEX fund_performance_summary_user_fund_key ON fund_performance_summary ("userId", "fundName");
        """;

    public static readonly string SqliteCreate = $"""
        CREATE VIEW monthly_call_summary AS
        {MonthlyCallSummarySelect(SqliteMonth)};
        CREATE VIEW fund_performance_summary AS
        {FundPerformanceSummarySelect};
        """;

    /// <summary>
    /// Refreshes both views without blocking readers, skipping any that does not exist yet (a run
    /// stopped at an earlier target). The seed's hourly cron job runs the same refresh.
    /// </summary>
    public const string PostgresRefresh = """
        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_matviews WHERE schemaname = 'public' AND matviewname = 'monthly_call_summary') THEN
                REFRESH MATERIALIZED VIEW CONCURRENTLY public.monthly_call_summary;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_matviews WHERE schemaname = 'public' AND matviewname = 'fund_performance_summary') THEN
                REFRESH MATERIALIZED VIEW CONCURRENTLY public.fund_performance_summary;
            END IF;
        END
        $$;
        """;
}
