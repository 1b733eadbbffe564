using System.Data;
using FluentMigrator;

namespace Migrations.Engine.Tests.Guard.TestMigrations.KeyRules;

/// <summary>
/// Messages with deliveries (CASCADE) and pins (SET NULL), and watchers; then threads whose
/// <c>Down()</c> deletes the messages' and watchers' keys to it before dropping it, as workspace's
/// 0026 does; then labels behind a NO ACTION key dropped the same way.
/// </summary>
[Migration(1)]
public sealed class CreateMessages : Migration
{
    public override void Up()
    {
        Create.Table("message").WithColumn("id").AsInt32().PrimaryKey().WithColumn("thread_id").AsInt32().Nullable();
        Create.Table("delivery").WithColumn("id").AsInt32().PrimaryKey()
            .WithColumn("message_id").AsInt32().NotNullable().ForeignKey("fk_delivery_message", "message", "id").OnDelete(Rule.Cascade);
        Create.Table("pin").WithColumn("id").AsInt32().PrimaryKey()
            .WithColumn("message_id").AsInt32().Nullable().ForeignKey("fk_pin_message", "message", "id").OnDelete(Rule.SetNull);
        Create.Table("watcher").WithColumn("id").AsInt32().PrimaryKey().WithColumn("thread_id").AsInt32().Nullable();
    }

    public override void Down()
    {
        Delete.Table("watcher");
        Delete.Table("pin");
        Delete.Table("delivery");
        Delete.Table("message");
    }
}

[Migration(2, "messages and watchers belong to threads")]
public sealed class AddThreads : Migration
{
    public override void Up()
    {
        Create.Table("thread").WithColumn("id").AsInt32().PrimaryKey();
        Create.ForeignKey("fk_message_thread").FromTable("message").ForeignColumn("thread_id").ToTable("thread").PrimaryColumn("id").OnDelete(Rule.Cascade);
        Create.ForeignKey("fk_watcher_thread").FromTable("watcher").ForeignColumn("thread_id").ToTable("thread").PrimaryColumn("id").OnDelete(Rule.SetNull);
    }

    // Deletes the keys first: without the runner applying their rules, the thread ids would stay behind pointing at nothing.
    public override void Down()
    {
        Delete.ForeignKey("fk_message_thread").OnTable("message");
        Delete.ForeignKey("fk_watcher_thread").OnTable("watcher");
        Delete.Table("thread");
    }
}

[Migration(3, "messages may carry a label")]
public sealed class AddLabels : Migration
{
    public override void Up()
    {
        Create.Table("label").WithColumn("id").AsInt32().PrimaryKey();
        Alter.Table("message").AddColumn("label_id").AsInt32().Nullable();
        Create.ForeignKey("fk_message_label").FromTable("message").ForeignColumn("label_id").ToTable("label").PrimaryColumn("id");
    }

    public override void Down()
    {
        Delete.ForeignKey("fk_message_label").OnTable("message");
        Delete.Table("label");
        Delete.Column("label_id").FromTable("message");
    }
}

[Migration(4, "messages may be filed in a folder")]
public sealed class AddFolders : Migration
{
    public override void Up()
    {
        Create.Table("folder").WithColumn("id").AsInt32().PrimaryKey();
        Alter.Table("message").AddColumn("folder_id").AsInt32().Nullable();
        Create.ForeignKey("fk_message_folder").FromTable("message").ForeignColumn("folder_id").ToTable("folder").PrimaryColumn("id");
    }

    // Keeps message.folder_id: with the folders gone, filed messages would point at nothing, and their NO ACTION key forbids that.
    public override void Down()
    {
        Delete.ForeignKey("fk_message_folder").OnTable("message");
        Delete.Table("folder");
    }
}
