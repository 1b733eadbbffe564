namespace Migrations.Junkquote.Schema;

/// <summary>
/// Batch 1's 22 indexes, broken down as the seed does: 9 foreign-key, 8 temporal, 2 lookup
/// (phone, email), 3 composite. Kept as data so the migration and its tests share one list.
/// </summary>
public static class Batch1Indexes
{
    public static IReadOnlyList<Batch1Index> All { get; } =
    [
        // One per foreign key column Batch 1 adds.
        new(IndexKind.ForeignKey, "Lead", "customer_id"),
        new(IndexKind.ForeignKey, "Job", "customer_id"),
        new(IndexKind.ForeignKey, "CustomerAddress", "customer_id"),
        new(IndexKind.ForeignKey, "Conversation", "customer_id"),
        new(IndexKind.ForeignKey, "Conversation", "lead_id"),
        new(IndexKind.ForeignKey, "Message", "conversation_id"),
        new(IndexKind.ForeignKey, "MemoryNote", "customer_id"),
        new(IndexKind.ForeignKey, "JobItem", "job_id"),
        new(IndexKind.ForeignKey, "JobEvent", "job_id"),

        // "created_at, etc.": recency queries and expiry sweeps.
        new(IndexKind.Temporal, "Customer", "created_at"),
        new(IndexKind.Temporal, "CustomerAddress", "created_at"),
        new(IndexKind.Temporal, "Conversation", "created_at"),
        new(IndexKind.Temporal, "Conversation", "last_message_at"),
        new(IndexKind.Temporal, "Message", "created_at"),
        new(IndexKind.Temporal, "MemoryNote", "expires_at"),
        new(IndexKind.Temporal, "JobItem", "created_at"),
        new(IndexKind.Temporal, "JobEvent", "created_at"),

        // Finding a returning customer by the number or address they write from.
        new(IndexKind.Lookup, "Customer", "phone"),
        new(IndexKind.Lookup, "Customer", "email"),

        // A thread's messages in order, a customer's thread on a channel, a customer's note by key.
        new(IndexKind.Composite, "Message", "conversation_id", "created_at"),
        new(IndexKind.Composite, "Conversation", "customer_id", "channel"),
        new(IndexKind.Composite, "MemoryNote", "customer_id", "key"),
    ];
}
