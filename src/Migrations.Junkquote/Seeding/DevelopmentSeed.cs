using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;

namespace Migrations.Junkquote.Seeding;

/// <summary>
/// The Development profile: the small demo set of <see cref="DemoData"/> (users, crews, pricing,
/// four customers, six leads with photos, quotes, three jobs with items and events, the audit log,
/// conversations, messages and memory notes). Every row has a stable id and is inserted with
/// ON CONFLICT DO NOTHING, so migrate or seed twice gives the same rows, and rows a developer has
/// edited are left as they are.
/// On an older schema (after a rollback) the parts whose tables or columns are not there yet are
/// skipped with a log line. When Batch 2 has run over demo leads seeded before Batch 1 existed, it
/// made its own customers and conversations from them; those copies (their ids are demo lead ids)
/// are replaced by the demo customers, so the demo set is the same whichever way the schema got here.
/// FluentMigrator creates profiles through dependency injection: the logger is the run's.
/// </summary>
[Profile("Development")]
public sealed class DevelopmentSeed(ILogger<DevelopmentSeed> logger) : Migration
{
    private static readonly SeedKeys Keys = SeedKeys.Development;

    public override void Up()
    {
        var baseline = new[] { "User", "Crew", "PricingRule", "Lead", "LeadPhoto", "Quote", "Job", "AuditLog" };
        var missingBaseline = baseline.Where(t => !Schema.Table(t).Exists()).ToArray();
        if (missingBaseline.Length > 0)
        {
            logger.LogInformation("Development seed skipped entirely: table(s) {Tables} not there yet (Baseline not applied)", string.Join(", ", missingBaseline));
            return;
        }

        var memory = new[] { "Customer", "CustomerAddress", "Conversation", "Message", "MemoryNote", "JobItem", "JobEvent" };
        var missingMemory = memory.Where(t => !Schema.Table(t).Exists()).ToArray();
        var withMemory = missingMemory.Length == 0;
        var leadCustomer = Schema.Table("Lead").Column("customer_id").Exists();
        var jobCustomer = Schema.Table("Job").Column("customer_id").Exists();
        if (!withMemory)
        {
            logger.LogInformation(
                "Development seed: skipped customers, addresses, conversations, messages, memory notes, job items and events: table(s) {Tables} not there yet (Batch 1 not applied)",
                string.Join(", ", missingMemory));
        }

        if (withMemory && leadCustomer && jobCustomer)
        {
            ReplaceBackfilledCopies();
        }

        foreach (var u in DemoData.Users)
        {
            Insert.IntoTable("User").OnConflictDoNothing().Row(new
            {
                id = u.Id, email = u.Email, name = u.Name, role = u.Role, passwordHash = (string?)null, createdAt = u.CreatedAt, updatedAt = u.CreatedAt,
            });
        }

        foreach (var c in DemoData.Crews)
        {
            Insert.IntoTable("Crew").OnConflictDoNothing().Row(new { id = c.Id, name = c.Name, phone = c.Phone, active = c.Active, createdAt = Day1 });
        }

        foreach (var p in DemoData.PricingRules)
        {
            Insert.IntoTable("PricingRule").OnConflictDoNothing().Row(new
            {
                id = p.Id, name = p.Name, itemCategory = p.Category, basePrice = p.BasePrice, pricePerCubicYard = p.PricePerCubicYard,
                active = true, createdAt = Day1, updatedAt = Day1,
            });
        }

        if (withMemory)
        {
            foreach (var c in DemoData.Customers)
            {
                Insert.IntoTable("Customer").OnConflictDoNothing().Row(new
                {
                    id = c.Id, name = c.Name, phone = c.Phone, email = c.Email, notes = c.Notes, created_at = c.CreatedAt, updated_at = c.CreatedAt,
                });
            }

            foreach (var a in DemoData.Addresses)
            {
                Insert.IntoTable("CustomerAddress").OnConflictDoNothing().Row(new
                {
                    id = a.Id, customer_id = a.CustomerId, label = a.Label, line1 = a.Line1, line2 = (string?)null, city = a.City,
                    state = a.State, postal_code = a.PostalCode, is_primary = a.IsPrimary, created_at = Day1, updated_at = Day1,
                });
            }
        }

        foreach (var l in DemoData.Leads)
        {
            var row = new Dictionary<string, object?>
            {
                ["id"] = l.Id, ["name"] = l.Name, ["phone"] = l.Phone, ["email"] = l.Email, ["address"] = l.Address,
                ["source"] = l.Source, ["status"] = l.Status,
                ["stateMetadata"] = $$"""{"step": "{{l.Status}}", "request": "{{l.Request}}"}""",
                ["createdAt"] = l.CreatedAt, ["updatedAt"] = l.CreatedAt,
            };
            if (leadCustomer && withMemory)
            {
                row["customer_id"] = l.CustomerId;
            }

            Insert.IntoTable("Lead").OnConflictDoNothing().Row(row);
        }

        foreach (var p in DemoData.Photos)
        {
            Insert.IntoTable("LeadPhoto").OnConflictDoNothing().Row(new { id = p.Id, leadId = p.LeadId, url = p.Url, aiAnalysis = p.AiAnalysis, createdAt = Day1 });
        }

        foreach (var q in DemoData.Quotes)
        {
            Insert.IntoTable("Quote").OnConflictDoNothing().Row(new
            {
                id = q.Id, leadId = q.LeadId, lowEstimate = q.Low, highEstimate = q.High, volumeCubicYards = q.CubicYards,
                status = q.Status, notes = (string?)null, createdAt = q.CreatedAt, updatedAt = q.CreatedAt,
            });
        }

        foreach (var j in DemoData.Jobs)
        {
            var row = new Dictionary<string, object?>
            {
                ["id"] = j.Id, ["leadId"] = j.LeadId, ["quoteId"] = j.QuoteId, ["crewId"] = j.CrewId, ["status"] = j.Status,
                ["address"] = j.Address, ["scheduledStart"] = j.Start, ["scheduledEnd"] = j.End, ["finalPrice"] = j.FinalPrice,
                ["notes"] = null, ["createdAt"] = j.Start.AddDays(-2), ["updatedAt"] = j.Start.AddDays(-2),
            };
            if (jobCustomer && withMemory)
            {
                row["customer_id"] = j.CustomerId;
            }

            Insert.IntoTable("Job").OnConflictDoNothing().Row(row);
        }

        foreach (var a in DemoData.AuditLog)
        {
            Insert.IntoTable("AuditLog").OnConflictDoNothing().Row(new
            {
                id = a.Id, leadId = a.LeadId, jobId = a.JobId, action = a.Action, actor = a.Actor, details = (string?)null, createdAt = a.CreatedAt,
            });
        }

        if (!withMemory)
        {
            return;
        }

        foreach (var c in DemoData.Conversations)
        {
            var last = DemoData.Messages.Where(m => m.ConversationId == c.Id).Max(m => m.CreatedAt);
            Insert.IntoTable("Conversation").OnConflictDoNothing().Row(new
            {
                id = c.Id, customer_id = c.CustomerId, lead_id = c.LeadId, channel = c.Channel, status = c.Status,
                last_message_at = last, created_at = c.CreatedAt, updated_at = last,
            });
        }

        foreach (var m in DemoData.Messages)
        {
            Insert.IntoTable("Message").OnConflictDoNothing().Row(new
            {
                id = m.Id, conversation_id = m.ConversationId, role = m.Role, content = m.Content, metadata = """{"source": "development-seed"}""", created_at = m.CreatedAt,
            });
        }

        foreach (var n in DemoData.MemoryNotes)
        {
            Insert.IntoTable("MemoryNote").OnConflictDoNothing().Row(new
            {
                id = n.Id, customer_id = n.CustomerId, key = n.Key, content = n.Content, expires_at = n.ExpiresAt, created_at = n.CreatedAt, updated_at = n.CreatedAt,
            });
        }

        foreach (var i in DemoData.JobItems)
        {
            Insert.IntoTable("JobItem").OnConflictDoNothing().Row(new
            {
                id = i.Id, job_id = i.JobId, description = i.Description, category = i.Category, quantity = i.Quantity, unit_price = i.UnitPrice, created_at = Day1,
            });
        }

        foreach (var e in DemoData.JobEvents)
        {
            Insert.IntoTable("JobEvent").OnConflictDoNothing().Row(new
            {
                id = e.Id, job_id = e.JobId, event_type = e.EventType, from_status = e.FromStatus, to_status = e.ToStatus,
                payload = (string?)null, created_at = e.CreatedAt,
            });
        }

        // Demo leads and jobs seeded before Batch 1 (or unlinked by ReplaceBackfilledCopies) get their demo customer.
        if (leadCustomer && jobCustomer)
        {
            foreach (var l in DemoData.Leads)
            {
                Execute.Sql($"UPDATE \"Lead\" SET customer_id = '{l.CustomerId}' WHERE id = '{l.Id}' AND customer_id IS NULL");
            }

            foreach (var j in DemoData.Jobs)
            {
                Execute.Sql($"UPDATE \"Job\" SET customer_id = '{j.CustomerId}' WHERE id = '{j.Id}' AND customer_id IS NULL");
            }
        }
    }

    /// <summary>
    /// Batch 2's backfill, run over demo leads that had no customer yet, made a customer per person
    /// (id = the group's smallest lead id) and a conversation per lead with audit entries (id = the
    /// lead id). Those copies hold the demo phones and emails, which would block the demo customers
    /// (unique phone and email), so they go, with whatever pointed at them, before the demo rows go in.
    /// </summary>
    private void ReplaceBackfilledCopies()
    {
        var backfilled = (string column) => Keys.ContainsRowsOf(column, SeedTable.Lead);
        Execute.Sql($"DELETE FROM \"Message\" WHERE {backfilled("conversation_id")}");
        Execute.Sql($"DELETE FROM \"Conversation\" WHERE {backfilled("id")}");
        Execute.Sql($"UPDATE \"Lead\" SET customer_id = NULL WHERE {backfilled("customer_id")}");
        Execute.Sql($"UPDATE \"Job\" SET customer_id = NULL WHERE {backfilled("customer_id")}");
        Execute.Sql($"DELETE FROM \"Customer\" WHERE {backfilled("id")}");
    }

    private static readonly DateTime Day1 = new(2025, 10, 1, 8, 0, 0, DateTimeKind.Utc);

    // Seed data is never taken back by a rollback; the rows go with their tables.
    public override void Down()
    {
    }
}
