using System.Data;
using FluentMigrator;
using FluentMigrator.Postgres;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0008: friend requests. A pair has at most one pending request at a time (a partial unique
/// index: FluentMigrator.Extensions.Postgres's Filter, which our SQLite generator honours too);
/// answered requests stay as history. Accepting one creates a relationships row.
/// </summary>
[Migration(8, "0008_relationship_requests.sql")]
public sealed class M0008_RelationshipRequests : Migration
{
    public override void Up()
    {
        Create.Table("relationship_requests")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("requester_id").AsString().ForeignKey("fk_relationship_requests_requester_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("recipient_id").AsString().ForeignKey("fk_relationship_requests_recipient_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("status").AsString().WithDefaultValue("pending").Check(Sql.In("status", "pending", "accepted", "declined", "cancelled"))
            .WithColumn("message").AsString().Nullable()
            .WithColumn("created_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("responded_at").AsDateTime().Nullable();

        Create.Index("idx_relationship_requests_requester_id").OnTable("relationship_requests").OnColumn("requester_id").Ascending();
        Create.Index("idx_relationship_requests_recipient_status").OnTable("relationship_requests")
            .OnColumn("recipient_id").Ascending().OnColumn("status").Ascending();
        Create.Index("uq_relationship_requests_pending_pair").OnTable("relationship_requests")
            .OnColumn("requester_id").Ascending().OnColumn("recipient_id").Ascending()
            .WithOptions().Unique().WithOptions().Filter("status = 'pending'");
    }

    public override void Down() => Delete.Table("relationship_requests");
}
