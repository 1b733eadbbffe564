using System.Data;
using Migrations.Claims.Backfills;
using Migrations.Engine;

namespace Migrations.Claims.Migrations;

/// <summary>
/// Future Improvement 1: "Dedicated Contractor Assignment Table", as the seed's ClaimContractor
/// model, then filled from the contractor events already in claim_events (which stay as the audit
/// log). Both relations are required and declare no onDelete, so they take Prisma's default,
/// ON DELETE RESTRICT ON UPDATE CASCADE: a claim or company with assignments cannot be deleted.
/// Table and backfill are one step, so rolling back drops exactly what it added.
/// </summary>
[Migration(Versions.ClaimContractor, "Future Improvement 1: ClaimContractor table, backfilled from claim_events")]
public sealed class CreateClaimContractor : Migration
{
    public override void Up()
    {
        Create.Table("ClaimContractor")
            .WithColumn("id").AsString().PrimaryKey("ClaimContractor_pkey")
            .WithColumn("claimId").AsString()
                .ForeignKey("ClaimContractor_claimId_fkey", "claims", "id").OnDelete(ForeignKeyRule.Restrict).OnUpdate(Rule.Cascade)
            .WithColumn("companyId").AsGuid()
                .ForeignKey("ClaimContractor_companyId_fkey", "tradesCompany", "id").OnDelete(ForeignKeyRule.Restrict).OnUpdate(Rule.Cascade)
            // The seed's comment lists the three roles; the database holds the application to them.
            .WithColumn("role").AsString().Check("\"role\" IN ('primary_contractor', 'subcontractor', 'consultant')")
            .WithColumn("status").AsString().WithDefaultValue("assigned")
            .WithColumn("assignedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("acceptedAt").AsDateTime().Nullable()
            .WithColumn("completedAt").AsDateTime().Nullable()
            .WithColumn("notes").AsString().Nullable();

        // @@unique([claimId, companyId]) is a unique index in Prisma's SQL, named "{table}_{columns}_key".
        Create.Index("ClaimContractor_claimId_companyId_key").OnTable("ClaimContractor")
            .OnColumn("claimId").Ascending().OnColumn("companyId").Ascending().WithOptions().Unique();
        Create.Index("ClaimContractor_claimId_idx").OnTable("ClaimContractor").OnColumn("claimId");
        Create.Index("ClaimContractor_companyId_idx").OnTable("ClaimContractor").OnColumn("companyId");

        foreach (var provider in ProviderSql.All)
        {
            IfDatabase(provider.DatabaseType).Execute.Sql(ClaimContractorBackfill.Sql(provider), "backfill ClaimContractor from contractor events");
        }
    }

    // The events the rows came from are untouched, so dropping the table loses nothing.
    public override void Down() => Delete.Table("ClaimContractor");
}
