using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0027, Development only: dev_mail_outbox, where a developer's local app writes the emails it
/// would send (thread invites from 0026, list digests from 0021, ...) instead of handing them to
/// the mail queue. A laptop has no mail credentials and must never email real candidates; the
/// local "mail viewer" page lists this table. Staging and Production send through the queue, so
/// the table does not exist there (ListMigrations shows 27 as Skipped). An outbox row keeps its
/// text when the invite it was about is deleted (SET NULL), as a mailbox would.
/// </summary>
[Migration(27, "0027_dev_mail_outbox (Development only)")]
[Tags("Development")]
public sealed class M0027_DevMailOutbox : Migration
{
    public override void Up()
    {
        Create.Table("dev_mail_outbox")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("to_email").AsString()
            .WithColumn("subject").AsString()
            .WithColumn("body_text").AsString()
            .WithColumn("kind").AsString().WithDefaultValue("other").Check(Sql.In("kind", "thread_invite", "list_digest", "event_reminder", "other"))
            .WithColumn("thread_invite_id").AsString().Nullable().ForeignKey("fk_dev_mail_outbox_thread_invite_id", "thread_invites", "id").OnDelete(Rule.SetNull)
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("opened_at").AsDateTime().Nullable();

        Create.Index("idx_dev_mail_outbox_created_at").OnTable("dev_mail_outbox").OnColumn("created_at").Ascending();
        Create.Index("idx_dev_mail_outbox_to_email").OnTable("dev_mail_outbox").OnColumn("to_email").Ascending();
    }

    public override void Down() => Delete.Table("dev_mail_outbox");
}
