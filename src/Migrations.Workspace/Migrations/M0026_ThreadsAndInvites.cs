using System.Data;
using FluentMigrator;
using FluentMigrator.Builders.Create;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0026 (ticket 10), as the seed specifies it: threads, thread_invites and thread_participants
/// with their CHECK lists, five foreign keys and ten indexes. idx_thread_invites_token is the
/// unique index that makes token UNIQUE (one index, not a constraint plus a copy of it).
/// expires_at defaults to 72 hours after created_at, computed in the same statement, so the two
/// differ by exactly 72 hours; the expression differs per provider. It also gives 0022's
/// thread_messages.thread_id its foreign key now that threads exists.
/// </summary>
[Migration(26, "0026_threads_and_invites.sql")]
public sealed class M0026_ThreadsAndInvites : Migration
{
    // SQLite accepts an expression default only in parentheses; FluentMigrator writes a RawSql default as given.
    private const string SqliteExpiry = "(datetime('now', '+72 hours'))";
    private const string PostgresExpiry = "(now() at time zone 'UTC') + interval '72 hours'";

    public override void Up()
    {
        Create.Table("threads")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("user_id").AsString().ForeignKey("fk_threads_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("workspace_id").AsString().Nullable().ForeignKey("fk_threads_workspace_id", "workspaces", "id").OnDelete(Rule.SetNull)
            .WithColumn("title").AsString()
            .WithColumn("description").AsString().Nullable()
            .WithColumn("status").AsString().WithDefaultValue("active").Check(Sql.In("status", "active", "archived", "deleted"))
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // Only the expiry default differs, so the table is written once and given per provider.
        CreateThreadInvites(IfDatabase("sqlite").Create, SqliteExpiry);
        CreateThreadInvites(IfDatabase("postgres").Create, PostgresExpiry);

        Create.Table("thread_participants")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("thread_id").AsString().ForeignKey("fk_thread_participants_thread_id", "threads", "id").OnDelete(Rule.Cascade)
            .WithColumn("user_id").AsString().Nullable().ForeignKey("fk_thread_participants_user_id", "users", "id").OnDelete(Rule.SetNull)
            .WithColumn("email").AsString().Nullable()
            .WithColumn("role").AsString().WithDefaultValue("member").Check(Sql.In("role", "owner", "member"))
            .WithColumn("joined_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Index("idx_threads_user_id").OnTable("threads").OnColumn("user_id").Ascending();
        Create.Index("idx_threads_workspace_id").OnTable("threads").OnColumn("workspace_id").Ascending();
        Create.Index("idx_threads_status").OnTable("threads").OnColumn("status").Ascending();
        Create.Index("idx_thread_invites_thread_id").OnTable("thread_invites").OnColumn("thread_id").Ascending();
        Create.Index("idx_thread_invites_token").OnTable("thread_invites").OnColumn("token").Ascending().WithOptions().Unique();
        Create.Index("idx_thread_invites_email").OnTable("thread_invites").OnColumn("email").Ascending();
        Create.Index("idx_thread_invites_status").OnTable("thread_invites").OnColumn("status").Ascending();
        Create.Index("idx_thread_participants_thread_id").OnTable("thread_participants").OnColumn("thread_id").Ascending();
        Create.Index("idx_thread_participants_user_id").OnTable("thread_participants").OnColumn("user_id").Ascending();
        Create.Index("idx_thread_participants_email").OnTable("thread_participants").OnColumn("email").Ascending();

        // Fails (rolls back whole) rather than deleting anything if a message names a thread that does not exist.
        Create.ForeignKey("fk_thread_messages_thread_id")
            .FromTable("thread_messages").ForeignColumn("thread_id")
            .ToTable("threads").PrimaryColumn("id").OnDelete(Rule.Cascade);
    }

    public override void Down()
    {
        Delete.ForeignKey("fk_thread_messages_thread_id").OnTable("thread_messages");
        Delete.Table("thread_participants");
        Delete.Table("thread_invites");
        Delete.Table("threads");
    }

    private static void CreateThreadInvites(ICreateExpressionRoot create, string expiryDefault) =>
        create.Table("thread_invites")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("thread_id").AsString().ForeignKey("fk_thread_invites_thread_id", "threads", "id").OnDelete(Rule.Cascade)
            .WithColumn("token").AsString()
            .WithColumn("email").AsString()
            .WithColumn("candidate_name").AsString()
            .WithColumn("candidate_reason").AsString().Nullable()
            .WithColumn("status").AsString().WithDefaultValue("pending").Check(Sql.In("status", "pending", "accepted", "declined", "expired"))
            .WithColumn("expires_at").AsDateTime().WithDefaultValue(RawSql.Insert(expiryDefault))
            .WithColumn("accepted_at").AsDateTime().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
}
