using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0022: messages in threads and their per-recipient delivery (sent, delivered, read receipts).
/// The seed creates messages here but the threads table only in 0026, so thread_id cannot
/// reference it yet: it is an indexed TEXT column now and 0026 adds the foreign key
/// (fk_thread_messages_thread_id, ON DELETE CASCADE). A sender or recipient may be someone
/// without an account (invited by email), hence the nullable user ids next to the emails.
/// </summary>
[Migration(22, "0022_thread_messages.sql")]
public sealed class M0022_ThreadMessages : Migration
{
    public override void Up()
    {
        Create.Table("thread_messages")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("thread_id").AsString()
            .WithColumn("sender_user_id").AsString().Nullable().ForeignKey("fk_thread_messages_sender_user_id", "users", "id").OnDelete(Rule.SetNull)
            .WithColumn("sender_email").AsString().Nullable()
            .WithColumn("body").AsString()
            .WithColumn("message_type").AsString().WithDefaultValue("text").Check(Sql.In("message_type", "text", "system"))
            .WithColumn("status").AsString().WithDefaultValue("sent").Check(Sql.In("status", "sent", "edited", "deleted"))
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().Nullable();

        Create.Table("thread_message_deliveries")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("message_id").AsString().ForeignKey("fk_thread_message_deliveries_message_id", "thread_messages", "id").OnDelete(Rule.Cascade)
            .WithColumn("recipient_user_id").AsString().Nullable().ForeignKey("fk_thread_message_deliveries_recipient_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("recipient_email").AsString().Nullable()
            .WithColumn("channel").AsString().WithDefaultValue("in_app").Check(Sql.In("channel", "in_app", "email"))
            .WithColumn("status").AsString().WithDefaultValue("pending").Check(Sql.In("status", "pending", "sent", "delivered", "read", "failed"))
            .WithColumn("delivered_at").AsDateTime().Nullable()
            .WithColumn("read_at").AsDateTime().Nullable()
            .WithColumn("error_message").AsString().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Index("idx_thread_messages_thread_id_created_at").OnTable("thread_messages")
            .OnColumn("thread_id").Ascending().OnColumn("created_at").Ascending();
        Create.Index("idx_thread_messages_sender_user_id").OnTable("thread_messages").OnColumn("sender_user_id").Ascending();
        Create.Index("idx_thread_message_deliveries_message_id").OnTable("thread_message_deliveries").OnColumn("message_id").Ascending();
        Create.Index("idx_thread_message_deliveries_recipient_user_id").OnTable("thread_message_deliveries").OnColumn("recipient_user_id").Ascending();
        Create.Index("idx_thread_message_deliveries_status").OnTable("thread_message_deliveries").OnColumn("status").Ascending();
    }

    public override void Down()
    {
        Delete.Table("thread_message_deliveries");
        Delete.Table("thread_messages");
    }
}
