using System.Collections.Immutable;
using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Junkquote.Migrations;

/// <summary>
/// Batch 1, the seed's prisma/migrations/20251110_add_memory_entities: 7 tables for context
/// memory and customer management, 22 indexes (9 foreign-key, 8 temporal, 2 lookup, 3 composite),
/// the MessageRole enum and a nullable customer_id on Lead and Job. New columns are snake_case as
/// the seed spells them (customer_id, created_at); names of keys and indexes follow Prisma's
/// conventions (Table_pkey, Table_column_fkey, Table_columns_idx). Every new foreign key is
/// nullable ("safe to deploy before backfill"); Batch 2 tightens the critical ones.
/// Delete rules, as documented: Customer's dependents RESTRICT, Lead/Job SET NULL, parent to
/// child records CASCADE.
/// The enum's values and the index list are immutable and live here, so nothing edited later can
/// change what this applied migration does; the tests read them from here too.
/// </summary>
[PreviousJournalEntry("20251110_add_memory_entities")]
[Migration(JunkquoteVersions.Batch1, "Batch 1: 20251110_add_memory_entities (7 tables, 22 indexes, MessageRole enum, Lead/Job customer_id)")]
public sealed class Batch1AddMemoryEntities : Migration
{
    /// <summary>The kinds of index the seed counts ("Indexes Added (22 total)").</summary>
    public enum IndexKind
    {
        ForeignKey,
        Temporal,
        Lookup,
        Composite,
    }

    /// <summary>One Batch 1 index, named by Prisma's convention Table_columns_idx.</summary>
    public sealed record Index(IndexKind Kind, string Table, params ImmutableArray<string> Columns)
    {
        public string Name => $"{Table}_{string.Join("_", Columns)}_idx";
    }

    public static ImmutableArray<string> MessageRoles { get; } = ["user", "assistant", "system", "tool"];

    /// <summary>The 22 indexes, broken down as the seed does: 9 foreign-key, 8 temporal, 2 lookup (phone, email), 3 composite.</summary>
    public static ImmutableArray<Index> Indexes { get; } =
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

    public override void Up()
    {
        Create.Enum("MessageRole").WithValues([.. MessageRoles]);

        Create.Table("Customer")
            .WithColumn("id").AsGuid().PrimaryKey("Customer_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("name").AsString(200).Nullable()
            .WithColumn("phone").AsString(32).Nullable()
            .WithColumn("email").AsString(255).Nullable()
            .WithColumn("notes").AsString().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("CustomerAddress")
            .WithColumn("id").AsGuid().PrimaryKey("CustomerAddress_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("customer_id").AsGuid().Nullable()
                .ForeignKey("CustomerAddress_customer_id_fkey", "Customer", "id").OnDelete(ForeignKeyRule.Restrict)
            .WithColumn("label").AsString(50).Nullable()
            .WithColumn("line1").AsString(255)
            .WithColumn("line2").AsString(255).Nullable()
            .WithColumn("city").AsString(100).Nullable()
            .WithColumn("state").AsString(50).Nullable()
            .WithColumn("postal_code").AsString(20).Nullable()
            .WithColumn("is_primary").AsBoolean().WithDefaultValue(false)
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // A thread per channel; lead_id records which lead opened it and survives the lead's deletion as NULL.
        Create.Table("Conversation")
            .WithColumn("id").AsGuid().PrimaryKey("Conversation_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("customer_id").AsGuid().Nullable()
                .ForeignKey("Conversation_customer_id_fkey", "Customer", "id").OnDelete(ForeignKeyRule.Restrict)
            .WithColumn("lead_id").AsGuid().Nullable()
                .ForeignKey("Conversation_lead_id_fkey", "Lead", "id").OnDelete(Rule.SetNull)
            .WithColumn("channel").AsString(32)
            .WithColumn("status").AsString(32).WithDefaultValue("open")
            .WithColumn("last_message_at").AsDateTime().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("Message")
            .WithColumn("id").AsGuid().PrimaryKey("Message_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("conversation_id").AsGuid().Nullable()
                .ForeignKey("Message_conversation_id_fkey", "Conversation", "id").OnDelete(Rule.Cascade)
            .WithColumn("role").AsEnum("MessageRole", [.. MessageRoles])
            .WithColumn("content").AsString()
            .WithColumn("metadata").AsCustom("jsonb").Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("MemoryNote")
            .WithColumn("id").AsGuid().PrimaryKey("MemoryNote_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("customer_id").AsGuid().Nullable()
                .ForeignKey("MemoryNote_customer_id_fkey", "Customer", "id").OnDelete(ForeignKeyRule.Restrict)
            .WithColumn("key").AsString(100)
            .WithColumn("content").AsString()
            .WithColumn("expires_at").AsDateTime().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("JobItem")
            .WithColumn("id").AsGuid().PrimaryKey("JobItem_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("job_id").AsGuid().Nullable()
                .ForeignKey("JobItem_job_id_fkey", "Job", "id").OnDelete(Rule.Cascade)
            .WithColumn("description").AsString()
            .WithColumn("category").AsString(64).Nullable()
            .WithColumn("quantity").AsDecimal(10, 2).WithDefaultValue(1)
            .WithColumn("unit_price").AsDecimal(10, 2).Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Table("JobEvent")
            .WithColumn("id").AsGuid().PrimaryKey("JobEvent_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("job_id").AsGuid().Nullable()
                .ForeignKey("JobEvent_job_id_fkey", "Job", "id").OnDelete(Rule.Cascade)
            .WithColumn("event_type").AsString(64)
            .WithColumn("from_status").AsString(32).Nullable()
            .WithColumn("to_status").AsString(32).Nullable()
            .WithColumn("payload").AsCustom("jsonb").Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // Nullable so existing leads and jobs stay valid until Batch 2 links them.
        Alter.Table("Lead").AddColumn("customer_id").AsGuid().Nullable()
            .ForeignKey("Lead_customer_id_fkey", "Customer", "id").OnDelete(Rule.SetNull);
        Alter.Table("Job").AddColumn("customer_id").AsGuid().Nullable()
            .ForeignKey("Job_customer_id_fkey", "Customer", "id").OnDelete(Rule.SetNull);

        foreach (var index in Indexes)
        {
            var builder = Create.Index(index.Name).OnTable(index.Table);
            foreach (var column in index.Columns)
            {
                builder.OnColumn(column).Ascending();
            }
        }
    }

    // The seed's rollback.sql: indexes, the two added columns, the seven tables, then the enum.
    public override void Down()
    {
        foreach (var index in Indexes.Reverse())
        {
            Delete.Index(index.Name).OnTable(index.Table);
        }

        Delete.ForeignKey("Job_customer_id_fkey").OnTable("Job");
        Delete.Column("customer_id").FromTable("Job");
        Delete.ForeignKey("Lead_customer_id_fkey").OnTable("Lead");
        Delete.Column("customer_id").FromTable("Lead");

        Delete.Table("JobEvent");
        Delete.Table("JobItem");
        Delete.Table("MemoryNote");
        Delete.Table("Message");
        Delete.Table("Conversation");
        Delete.Table("CustomerAddress");
        Delete.Table("Customer");
        Delete.Enum("MessageRole");
    }
}
