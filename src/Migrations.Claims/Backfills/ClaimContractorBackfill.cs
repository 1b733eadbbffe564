namespace Migrations.Claims.Backfills;

/// <summary>
/// Fills ClaimContractor from the contractor events Feature 3 wrote to claim_events: one row per
/// claim and company, in its latest state. The latest contractor_assigned starts the current
/// assignment (without one, the first event does); only acceptances and completions at or after
/// it count; the status is the furthest step reached since. The role and notes come from the
/// newest event that carries them (a role outside the three documented ones is ignored, and no
/// role means primary_contractor). Events naming no known company or claim are skipped, as the
/// foreign keys could not hold them.
/// </summary>
public static class ClaimContractorBackfill
{
    public static string Sql(ProviderSql sql) => $"""
        INSERT INTO "ClaimContractor" ("id", "claimId", "companyId", "role", "status", "assignedAt", "acceptedAt", "completedAt", "notes")
        WITH contractor_events AS (
            SELECT e."claimId" AS claim_id, tc."id" AS company_id, e."type" AS event_type, e."createdAt" AS event_at,
                   {sql.JsonText("e.\"data\"", "role")} AS event_role, {sql.JsonText("e.\"data\"", "notes")} AS event_notes
            FROM "claim_events" e
            JOIN "claims" c ON c."id" = e."claimId"
            JOIN "tradesCompany" tc ON {sql.UuidAsText("tc.\"id\"")} = lower({sql.JsonText("e.\"data\"", "companyId")})
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
        SELECT {sql.NewTextId}, p.claim_id, p.company_id,
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
