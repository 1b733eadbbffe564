using System.Globalization;
using Migrations.Clearway;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

/// <summary>
/// The numbers of monthly_call_summary and fund_performance_summary against the same aggregates
/// computed here, before and after more calls arrive and the views are refreshed by migrate's
/// maintenance step (PostgreSQL; SQLite's plain views are always current).
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class MaterializedViewTests(Provider provider) : ClearwayTestBase(provider)
{
    private sealed record Call(string Id, string UserId, string Fund, decimal Amount, DateTime DueDate, string Status);

    private static readonly string[] OpenStatuses = ["PENDING_REVIEW", "APPROVED"];

    private static readonly Call[] FirstCalls =
    [
        new("c01", "u1", "Fund I", 100_000.00m, new(2025, 1, 15, 0, 0, 0), "PAID"),
        new("c02", "u1", "Fund I", 25_000.50m, new(2025, 1, 31, 17, 0, 0), "APPROVED"),
        new("c03", "u1", "Fund II", 12_500.25m, new(2025, 1, 2, 9, 30, 0), "PENDING_REVIEW"),
        new("c04", "u1", "Fund II", 7_750.75m, new(2025, 2, 1, 0, 0, 0), "REJECTED"),
        new("c05", "u1", "Fund I", 50_000.00m, new(2025, 3, 10, 0, 0, 0), "PAID"),
        new("c06", "u2", "Fund I", 300_000.00m, new(2025, 1, 20, 0, 0, 0), "PENDING_REVIEW"),
        new("c07", "u2", "Fund III", 42.42m, new(2025, 2, 28, 23, 59, 59), "PAID"),
        new("c08", "u2", "Fund III", 1_000.00m, new(2024, 12, 31, 0, 0, 0), "APPROVED"),
    ];

    private static readonly Call[] LaterCalls =
    [
        new("c09", "u1", "Fund II", 5_000.00m, new(2025, 2, 14, 0, 0, 0), "PAID"),
        new("c10", "u2", "Fund I", 75_000.25m, new(2025, 4, 1, 0, 0, 0), "APPROVED"),
        new("c11", "u3", "Fund IV", 10.10m, new(2025, 1, 1, 0, 0, 0), "PENDING_REVIEW"),
    ];

    [Test]
    public async Task Both_views_match_the_aggregates_of_the_capital_calls_before_and_after_a_refresh()
    {
        await MigrateAsync();
        Db.User("u1");
        Db.User("u2");
        Db.User("u3");
        Insert(FirstCalls);
        await MigrateAsync(); // a deploy: nothing pending, the maintenance step refreshes the views

        Assert.That(MonthlyRows(), Is.EqualTo(ExpectedMonthly(FirstCalls)));
        Assert.That(FundRows(), Is.EqualTo(ExpectedFunds(FirstCalls)));

        Insert(LaterCalls);
        Db.Execute("UPDATE \"CapitalCall\" SET \"status\" = 'PAID' WHERE \"id\" = 'c02'");
        var afterChanges = FirstCalls.Select(c => c.Id == "c02" ? c with { Status = "PAID" } : c).Concat(LaterCalls).ToArray();
        if (IsPostgres)
        {
            Assert.That(MonthlyRows(), Is.EqualTo(ExpectedMonthly(FirstCalls)), "a materialized view holds its data until refreshed");
        }

        await MigrateAsync();

        Assert.That(MonthlyRows(), Is.EqualTo(ExpectedMonthly(afterChanges)));
        Assert.That(FundRows(), Is.EqualTo(ExpectedFunds(afterChanges)));
    }

    [Test]
    public async Task The_views_have_the_same_columns_on_both_providers()
    {
        await MigrateAsync();

        Assert.That(ViewColumns(AddMaterializedViews.MonthlyCallSummary), Is.EqualTo(new[]
        {
            "userId", "month", "call_count", "total_amount", "paid_count", "paid_amount", "outstanding_amount",
        }));
        Assert.That(ViewColumns(AddMaterializedViews.FundPerformanceSummary), Is.EqualTo(new[]
        {
            "userId", "fundName", "call_count", "total_called", "total_paid", "total_outstanding", "first_due_date", "last_due_date",
        }));
    }

    [Test]
    public async Task Each_materialized_view_has_the_unique_index_a_concurrent_refresh_needs()
    {
        await MigrateAsync();
        if (!IsPostgres)
        {
            Assert.That(Relations("view"), Has.Count.EqualTo(2), "SQLite has plain views, which need no refresh");
            return;
        }

        var uniqueIndexes = Db.Query("""
            SELECT t.relname, i.relname FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relkind = 'm' AND x.indisunique ORDER BY t.relname
            """).Select(r => $"{r[0]}:{r[1]}");
        Assert.That(uniqueIndexes, Is.EqualTo(new[]
        {
            "fund_performance_summary:fund_performance_summary_user_fund_key",
            "monthly_call_summary:monthly_call_summary_user_month_key",
        }));
        Assert.That(() => Db.Execute(RefreshMaterializedViews.PostgresRefresh), Throws.Nothing);
        Assert.That(() => Db.Execute("REFRESH MATERIALIZED VIEW CONCURRENTLY fund_performance_summary"), Throws.Nothing);
    }

    [Test]
    public async Task The_refresh_step_copes_with_a_run_stopped_before_the_views_exist_and_is_never_journaled()
    {
        var result = await MigrateAsync(ClearwayVersions.Phase2CompleteSchema);

        Assert.That(result.Applied.Select(a => a.Migration.Version).Last(), Is.EqualTo(ClearwayVersions.Phase2CompleteSchema));
        Assert.That(Relations("view").Concat(Relations("matview")), Is.Empty);

        await MigrateAsync();
        await MigrateAsync();
        Assert.That(Harness.JournalVersions(Db), Has.Count.EqualTo(4), "the refresh is maintenance: it runs on every migrate and is not journaled");
    }

    private void Insert(IEnumerable<Call> calls)
    {
        foreach (var call in calls)
        {
            Db.CapitalCall(call.Id, call.UserId, call.Fund, call.Amount, call.DueDate.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), call.Status);
        }
    }

    private static string[] ExpectedMonthly(IEnumerable<Call> calls) => calls
        .GroupBy(c => (c.UserId, Month: new DateTime(c.DueDate.Year, c.DueDate.Month, 1)))
        .OrderBy(g => g.Key.UserId, StringComparer.Ordinal).ThenBy(g => g.Key.Month)
        .Select(g => Line(g.Key.UserId, g.Key.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Count(), g.Sum(c => c.Amount),
            g.Count(c => c.Status == "PAID"), g.Where(c => c.Status == "PAID").Sum(c => c.Amount),
            g.Where(c => OpenStatuses.Contains(c.Status)).Sum(c => c.Amount)))
        .ToArray();

    private static string[] ExpectedFunds(IEnumerable<Call> calls) => calls
        .GroupBy(c => (c.UserId, c.Fund))
        .OrderBy(g => g.Key.UserId, StringComparer.Ordinal).ThenBy(g => g.Key.Fund, StringComparer.Ordinal)
        .Select(g => Line(g.Key.UserId, g.Key.Fund, g.Count(), g.Sum(c => c.Amount),
            g.Where(c => c.Status == "PAID").Sum(c => c.Amount), g.Where(c => OpenStatuses.Contains(c.Status)).Sum(c => c.Amount),
            g.Min(c => c.DueDate).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            g.Max(c => c.DueDate).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)))
        .ToArray();

    private string[] MonthlyRows()
    {
        var month = IsPostgres ? "to_char(month, 'YYYY-MM-DD')" : "month";
        return Db.Query($"""
            SELECT "userId", {month}, call_count, total_amount, paid_count, paid_amount, outstanding_amount
            FROM monthly_call_summary ORDER BY "userId", month
            """).Select(r => Line(r[0], r[1], Long(r[2]), Money(r[3]), Long(r[4]), Money(r[5]), Money(r[6]))).ToArray();
    }

    private string[] FundRows()
    {
        string Timestamp(string column) => IsPostgres ? $"to_char({column}, 'YYYY-MM-DD HH24:MI:SS')" : column;
        return Db.Query($"""
            SELECT "userId", "fundName", call_count, total_called, total_paid, total_outstanding, {Timestamp("first_due_date")}, {Timestamp("last_due_date")}
            FROM fund_performance_summary ORDER BY "userId", "fundName"
            """).Select(r => Line(r[0], r[1], Long(r[2]), Money(r[3]), Money(r[4]), Money(r[5]), r[6], r[7])).ToArray();
    }

    private IReadOnlyList<string> ViewColumns(string view) => IsPostgres
        ? Db.Query($"SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = '{view}' AND a.attnum > 0 ORDER BY a.attnum")
            .Select(r => (string)r[0]!).ToArray()
        : Db.Query($"SELECT name FROM pragma_table_info('{view}') ORDER BY cid").Select(r => (string)r[0]!).ToArray();

    private static string Line(params object?[] values) =>
        string.Join(" | ", values.Select(v => v is decimal d ? d.ToString("0.00", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture)));
}
