using Migrations.Engine;

namespace Migrations.Clearway;

/// <summary>
/// <c>add_materialized_views.sql</c> (history 1.0.1 "Materialized Views", applied last as the seed's
/// Migration Order demands): the seven composite and single-column indexes the seed's rollback
/// block names, on the base tables the views and the dashboard read, then the two views.
/// </summary>
[Migration(ClearwayVersions.AddMaterializedViews, "add_materialized_views: monthly_call_summary, fund_performance_summary and seven base-table indexes (history 1.0.1)")]
public sealed class AddMaterializedViews : Migration
{
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

        IfDatabase("postgres").Execute.Sql(ClearwayViews.PostgresCreate);
        IfDatabase("sqlite").Execute.Sql(ClearwayViews.SqliteCreate);
    }

    public override void Down() => SeedRollback.Run(this, SeedRollbackSql);
}
