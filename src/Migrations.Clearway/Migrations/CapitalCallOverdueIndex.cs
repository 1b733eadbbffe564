using FluentMigrator;
using FluentMigrator.Postgres;

namespace Migrations.Clearway;

/// <summary>
/// Production and Staging only. The hourly overdue-reminder job looks for every open capital call
/// whose due date has passed, across all investors (<c>WHERE status IN ('PENDING_REVIEW',
/// 'APPROVED') AND "dueDate" &lt; now()</c>); on the live databases <c>CapitalCall</c> is the
/// largest table and is written all day (uploads, extraction, approvals, payments), so the index
/// is built with <c>CREATE INDEX CONCURRENTLY</c>: a deploy keeps accepting writes while it builds.
/// CONCURRENTLY cannot run inside a transaction, hence <see cref="TransactionBehavior.None"/>.
/// <para>
/// Why not Development: laptops hold a few demo calls, do not run the reminder job, and migrate
/// on SQLite where CONCURRENTLY means nothing; a non-transactional step there only adds a way to
/// fail half-done. Staging carries it so load tests see Production's plan.
/// </para>
/// <para>
/// A concurrent build that fails (a deadlock, a cancelled deploy) leaves an INVALID index and no
/// journal row; Up first drops any index of that name (concurrently), so re-running the deploy
/// repairs it. Down drops it concurrently too. On SQLite both are plain statements.
/// </para>
/// </summary>
[Migration(ClearwayVersions.CapitalCallOverdueIndex, TransactionBehavior.None,
    "CapitalCall (status, dueDate) index for the overdue-reminder job, built CONCURRENTLY (Production and Staging only)")]
[Tags(TagBehavior.RequireAny, "Production", "Staging")]
public sealed class CapitalCallOverdueIndex : Migration
{
    public const string IndexName = "idx_capital_call_status_duedate";

    public override void Up()
    {
        IfDatabase("postgres").Execute.Sql($"DROP INDEX CONCURRENTLY IF EXISTS \"{IndexName}\"");
        IfDatabase("sqlite").Execute.Sql($"DROP INDEX IF EXISTS \"{IndexName}\"");
        Create.Index(IndexName).OnTable("CapitalCall")
            .OnColumn("status").Ascending()
            .OnColumn("dueDate").Ascending()
            .WithOptions().AsConcurrently();
    }

    public override void Down()
    {
        IfDatabase("postgres").Execute.Sql($"DROP INDEX CONCURRENTLY IF EXISTS \"{IndexName}\"");
        IfDatabase("sqlite").Delete.Index(IndexName).OnTable("CapitalCall");
    }
}
