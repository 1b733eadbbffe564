using System.Data;
using FluentMigrator;

namespace Migrations.Claims.Migrations;

/// <summary>
/// Schema Drift 1: "ClientProConnection Missing claimId". /api/trades/attach-to-claim updates a
/// claimId the main schema lacks. The seed's fix is an optional relation to claims; Prisma's
/// default for an optional relation is ON DELETE SET NULL ON UPDATE CASCADE, so deleting a claim
/// detaches its connections instead of deleting them.
/// </summary>
[Migration(ClaimsVersions.ClientProConnectionClaimId, "Schema Drift 1: ClientProConnection.claimId references claims")]
public sealed class AddClientProConnectionClaimId : Migration
{
    public override void Up()
    {
        Alter.Table("ClientProConnection")
            .AddColumn("claimId").AsString().Nullable()
                .ForeignKey("ClientProConnection_claimId_fkey", "claims", "id").OnDelete(Rule.SetNull).OnUpdate(Rule.Cascade);
    }

    // Dropping the column drops its foreign key with it on both providers.
    public override void Down() => Delete.Column("claimId").FromTable("ClientProConnection");
}
