using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Claims.Migrations;

/// <summary>
/// Future Improvement 1: "Dedicated Contractor Assignment Table", as the seed's ClaimContractor
/// model, then filled from the contractor events already in claim_events (which stay as the audit
/// log). Both relations are required and declare no onDelete, so they take Prisma's default,
/// ON DELETE RESTRICT ON UPDATE CASCADE: a claim or company with assignments cannot be deleted.
/// Table and backfill are one step, so rolling back drops exactly what it added.
/// </summary>
[Migration(ClaimsVersions.ClaimContractor, "Future Improvement 1: ClaimContractor table, backfilled from claim_events")]
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

        // One statement, written once; only reading a JSON key, comparing a uuid with text and making
        // a fresh text id differ. Prisma's cuid() is made by the client, so backfilled rows get a random
        // 32-hex id instead (any unique text is a valid String @id).
        IfDatabase("postgres").Execute.Sql(
            Backfill(jsonText: (document, key) => $"({document} ->> '{key}')", uuidAsText: uuid => $"{uuid}::text", newTextId: "replace(gen_random_uuid()::text, '-', '')"),
            "backfill ClaimContractor from contractor events");
        IfDatabase("sqlite").Execute.Sql(
            Backfill(jsonText: (document, key) => $"json_extract({document}, '$.{key}')", uuidAsText: uuid => $"lower({uuid})", newTextId: "lower(hex(randomblob(16)))"),
            "backfill ClaimContractor from contractor events");
    }

    // The events the rows came from are untouched, so dropping the table loses nothing.
    public override void Down() => Delete.Table("ClaimContractor");

    /// <summary>
    /// One row per claim and company, in its latest state. The latest contractor_assigned starts the
    /// current assignment (without one, the first event does); only acceptances and completions at or
    /// after it count; the status is the furthest step reached since. The role and notes come from the
    /// newest event that carries them (a role outside the three documented ones is ignored, and no role
    /// means primary_contractor). Events naming no known company or claim are skipped, as the foreign
    /// keys could not hold them.
    /// </summary>
    private static string Backfill(Func<string, string, string> jsonText, Func<string, string> uuidAsText, string newTextId) => $"""
        INSERT INTO "ClaimContractor" ("id", "claimId", "companyId", "role", "status", "assignedAt", "acceptedAt", "completedAt", "notes")
        WITH contractor_events AS (
            SELECT e."claimId" AS claim_id, tc."id" AS company_id, e."type" AS event_type, e."createdAt" AS event_at,
                   {jsonText("e.\"data\"", "role")} AS event_role, {jsonText("e.\"data\"", "notes")} AS event_notes
            FROM "claim_events" e
            JOIN "claims" c ON c."id" = e."claimId"
            JOIN "tradesCompany" tc ON {uuidAsText("tc.\"id\"")} = lower({jsonText("e.\"data\"", "companyId")})
            WHERE e."type" IN ('contractor_assigned', 'contractor_accepted', 'contractor_completed')
        ),
        assignments AS (
            SELECT claim_id, company_id,
                   COALESCE(MAX(CASE WHEN event_type = 'contractor_assigned' THEN event_at END), MIN(event_at)) AS assigned_at
            FROM contractor_events
            GROUP BY claim_id, company_id
        ),
        progress AS (
            SELECT a.claim_id, a.company_id, a.assigned_at,
                   MAX(CASE WHEN ev.event_type = 'contractor_accepted' AND ev.event_at >= a.assigned_at THEN ev.event_at END) AS accepted_at,
                   MAX(CASE WHEN ev.event_type = 'contractor_completed' AND ev.event_at >= a.assigned_at THEN ev.event_at END) AS completed_at
            FROM assignments a
            JOIN contractor_events ev ON ev.claim_id = a.claim_id AND ev.company_id = a.company_id
            GROUP BY a.claim_id, a.company_id, a.assigned_at
        )
        SELECT {newTextId}, p.claim_id, p.company_id,
               COALESCE((SELECT ev.event_role FROM contractor_events ev
                         WHERE ev.claim_id = p.claim_id AND ev.company_id = p.company_id
                           AND ev.event_role IN ('primary_contractor', 'subcontractor', 'consultant')
                         ORDER BY ev.event_at DESC LIMIT 1), 'primary_contractor'),
               CASE WHEN p.completed_at IS NOT NULL THEN 'completed' WHEN p.accepted_at IS NOT NULL THEN 'accepted' ELSE 'assigned' END,
               p.assigned_at, p.accepted_at, p.completed_at,
               (SELECT ev.event_notes FROM contractor_events ev
                WHERE ev.claim_id = p.claim_id AND ev.company_id = p.company_id AND ev.event_notes IS NOT NULL
                ORDER BY ev.event_at DESC LIMIT 1)
        FROM progress p
        """;
}
