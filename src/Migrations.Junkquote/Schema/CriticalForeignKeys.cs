namespace Migrations.Junkquote.Schema;

/// <summary>
/// The "critical fields" Batch 2 makes NOT NULL after the backfill: the parent reference of every
/// record that means nothing without its parent. Lead.customer_id, Job.customer_id and
/// Conversation.lead_id stay nullable: their delete rule is SET NULL, which needs NULL.
/// </summary>
public static class CriticalForeignKeys
{
    public static IReadOnlyList<(string Table, string Column)> All { get; } =
    [
        ("CustomerAddress", "customer_id"),
        ("Conversation", "customer_id"),
        ("Message", "conversation_id"),
        ("MemoryNote", "customer_id"),
        ("JobItem", "job_id"),
        ("JobEvent", "job_id"),
    ];
}
