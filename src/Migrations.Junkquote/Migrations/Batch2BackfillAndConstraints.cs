using System.Collections.Immutable;
using FluentMigrator;

namespace Migrations.Junkquote.Migrations;

/// <summary>
/// Batch 2, the seed's "Next Steps": (1) the data backfill (customers from leads, one per real
/// person matched on phone or email; conversations from the audit log; messages from
/// Lead.stateMetadata; Lead.customer_id linked), then (2) the constraints: NOT NULL on the
/// critical fields and unique customer phone and email. One migration, so the constraints are
/// only ever applied to backfilled data and a failure leaves neither behind.
/// </summary>
[Migration(JunkquoteVersions.Batch2, "Batch 2: backfill customers, conversations and messages from leads; NOT NULL and unique phone/email")]
public sealed class Batch2BackfillAndConstraints : Migration
{
    /// <summary>
    /// The "critical fields" made NOT NULL after the backfill: the parent reference of every record
    /// that means nothing without its parent. Lead.customer_id, Job.customer_id and
    /// Conversation.lead_id stay nullable: their delete rule is SET NULL, which needs NULL.
    /// </summary>
    public static ImmutableArray<(string Table, string Column)> CriticalForeignKeys { get; } =
    [
        ("CustomerAddress", "customer_id"),
        ("Conversation", "customer_id"),
        ("Message", "conversation_id"),
        ("MemoryNote", "customer_id"),
        ("JobItem", "job_id"),
        ("JobEvent", "job_id"),
    ];

    public override void Up()
    {
        // The JSON, text and date functions differ, so each provider has its own script of the same steps.
        IfDatabase("postgres").Execute.EmbeddedScript("Batch2.Backfill.postgres.sql");
        IfDatabase("sqlite").Execute.EmbeddedScript("Batch2.Backfill.sqlite.sql");

        foreach (var (table, column) in CriticalForeignKeys)
        {
            Alter.Column(column).OnTable(table).AsGuid().NotNullable();
        }

        // Safe after the backfill: a phone or email shared by two leads made them one customer.
        Create.UniqueConstraint("Customer_phone_key").OnTable("Customer").Columns("phone");
        Create.UniqueConstraint("Customer_email_key").OnTable("Customer").Columns("email");
    }

    // Back to Batch 1's shape: constraints off, then the backfilled rows removed; no lead is touched but its customer_id.
    public override void Down()
    {
        Delete.UniqueConstraint("Customer_email_key").FromTable("Customer");
        Delete.UniqueConstraint("Customer_phone_key").FromTable("Customer");

        foreach (var (table, column) in CriticalForeignKeys.Reverse())
        {
            Alter.Column(column).OnTable(table).AsGuid().Nullable();
        }

        Execute.EmbeddedScript("Batch2.Undo.sql");
    }
}
