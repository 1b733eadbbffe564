using System.Globalization;
using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;

namespace Migrations.Junkquote.Seeding;

/// <summary>
/// The Staging profile: volume data for load tests, <see cref="StagingVolume"/> rows per table for
/// the run's seed scale (Message gets exactly <see cref="RunSettings.SeedScale"/> rows). Every value derives from
/// the row number, so two seeds write the same rows; rows stream through <c>Bulk</c> (binary COPY on
/// PostgreSQL, one prepared INSERT on SQLite), parents before children, every reference inside the set.
/// Idempotent by replacement: every row of the Staging key space (<see cref="SeedKeys.Staging"/>),
/// including customers and conversations Batch 2 may have backfilled from staging leads, is deleted,
/// children first, then the set is inserted again. Tables not there yet are skipped with a log line.
/// FluentMigrator creates profiles through dependency injection: the run's settings and logger come in here.
/// </summary>
[Profile("Staging")]
public sealed class StagingSeed(RunSettings run, ILogger<StagingSeed> logger) : Migration
{
    private static readonly SeedKeys Keys = SeedKeys.Staging;

    private static readonly DateTime Epoch = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Sources = ["sms", "web", "phone", "email"];

    private static readonly string[] Categories = ["furniture", "appliances", "yard", "debris", "electronics"];

    private static readonly string[] Items = ["couch", "mattress", "refrigerator", "treadmill", "piano", "boxes", "carpet", "branches"];

    // Children before parents: the order the old rows are deleted in.
    private static readonly string[] DeleteOrder =
    [
        "Message", "Conversation", "MemoryNote", "CustomerAddress", "JobEvent", "JobItem", "AuditLog", "Job",
        "Quote", "LeadPhoto", "Lead", "Customer", "PricingRule", "Crew", "User",
    ];

    public override void Up()
    {
        if (run.SeedScale < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RunSettings.SeedScale), run.SeedScale, "the Staging seed needs a seed scale of at least 1");
        }

        var v = new StagingVolume(run.SeedScale);
        var present = DeleteOrder.Where(t => Schema.Table(t).Exists()).ToHashSet();
        var missing = DeleteOrder.Where(t => !present.Contains(t)).Reverse().ToArray();
        if (missing.Length > 0)
        {
            logger.LogInformation("Staging seed: skipped table(s) {Tables}: not there yet on this schema version", string.Join(", ", missing));
        }

        // Old staging rows out, children first. Messages of backfilled conversations have random ids: matched by conversation.
        foreach (var table in DeleteOrder.Where(present.Contains))
        {
            var also = table == "Message" ? $" OR {Keys.Contains("conversation_id")}" : "";
            Execute.Sql($"DELETE FROM \"{table}\" WHERE {Keys.Contains("id")}{also}");
        }

        var withCustomers = present.Contains("Customer");
        var leadCustomer = withCustomers && Schema.Table("Lead").Column("customer_id").Exists();
        var jobCustomer = withCustomers && Schema.Table("Job").Column("customer_id").Exists();
        logger.LogInformation("Staging seed: scale {Scale}: {Messages} messages, {Leads} leads, {Customers} customers, {Jobs} jobs",
            v.Scale, v.Messages, v.Leads, v.Customers, v.Jobs);

        Bulk(present, "User", ["id", "email", "name", "role", "passwordHash", "createdAt", "updatedAt"], () => Users(v));
        Bulk(present, "Crew", ["id", "name", "phone", "active", "createdAt"], () => Crews(v));
        Bulk(present, "PricingRule", ["id", "name", "itemCategory", "basePrice", "pricePerCubicYard", "active", "createdAt", "updatedAt"], () => PricingRules(v));
        Bulk(present, "Customer", ["id", "name", "phone", "email", "notes", "created_at", "updated_at"], () => Customers(v));
        Bulk(present, "CustomerAddress", ["id", "customer_id", "label", "line1", "line2", "city", "state", "postal_code", "is_primary", "created_at", "updated_at"], () => Addresses(v));
        Bulk(present, "Lead",
            ["id", "name", "phone", "email", "address", "source", "status", "stateMetadata", "createdAt", "updatedAt", .. (leadCustomer ? new[] { "customer_id" } : [])],
            () => Leads(v, leadCustomer));
        Bulk(present, "LeadPhoto", ["id", "leadId", "url", "aiAnalysis", "createdAt"], () => Photos(v));
        Bulk(present, "Quote", ["id", "leadId", "lowEstimate", "highEstimate", "volumeCubicYards", "status", "notes", "createdAt", "updatedAt"], () => Quotes(v));
        Bulk(present, "Job",
            ["id", "leadId", "quoteId", "crewId", "status", "address", "scheduledStart", "scheduledEnd", "finalPrice", "notes", "createdAt", "updatedAt", .. (jobCustomer ? new[] { "customer_id" } : [])],
            () => Jobs(v, jobCustomer));
        Bulk(present, "AuditLog", ["id", "leadId", "jobId", "action", "actor", "details", "createdAt"], () => AuditEntries(v));
        Bulk(present, "Conversation", ["id", "customer_id", "lead_id", "channel", "status", "last_message_at", "created_at", "updated_at"], () => Conversations(v));
        Bulk(present, "Message", ["id", "conversation_id", "role", "content", "metadata", "created_at"], () => Messages(v));
        Bulk(present, "MemoryNote", ["id", "customer_id", "key", "content", "expires_at", "created_at", "updated_at"], () => MemoryNotes(v));
        Bulk(present, "JobItem", ["id", "job_id", "description", "category", "quantity", "unit_price", "created_at"], () => JobItems(v));
        Bulk(present, "JobEvent", ["id", "job_id", "event_type", "from_status", "to_status", "payload", "created_at"], () => JobEvents(v));
    }

    private void Bulk(HashSet<string> present, string table, string[] columns, Func<IEnumerable<object?[]>> rows)
    {
        if (present.Contains(table))
        {
            Insert.IntoTable(table).Bulk(columns, rows);
        }
    }

    private static Guid Id(SeedTable table, long n) => Keys.Id(table, n);

    private static string S(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static DateTime LeadTime(int lead) => Epoch.AddMinutes(7L * lead);

    private static IEnumerable<object?[]> Users(StagingVolume v)
    {
        for (var i = 0; i < v.Users; i++)
        {
            yield return [Id(SeedTable.User, i), $"staff{S(i)}@staging.junkquote.test", $"Staff member {S(i)}", i == 0 ? "admin" : "staff", null, Epoch, Epoch];
        }
    }

    private static IEnumerable<object?[]> Crews(StagingVolume v)
    {
        for (var i = 0; i < v.Crews; i++)
        {
            yield return [Id(SeedTable.Crew, i), $"Load crew {S(i)}", "6" + i.ToString("D9", CultureInfo.InvariantCulture), i % 5 != 4, Epoch];
        }
    }

    private static IEnumerable<object?[]> PricingRules(StagingVolume v)
    {
        for (var i = 0; i < v.PricingRules; i++)
        {
            yield return [Id(SeedTable.PricingRule, i), $"Rule {S(i)} ({Categories[i % Categories.Length]})", Categories[i % Categories.Length],
                49m + 10m * i, 20m + 5m * i, true, Epoch, Epoch];
        }
    }

    // Phones and emails are unique per customer (Batch 2's unique constraints); both leads of a customer share them.
    private static string Phone(int customer) => "7" + customer.ToString("D9", CultureInfo.InvariantCulture);

    private static string Email(int customer) => $"load{S(customer)}@staging.junkquote.test";

    private static IEnumerable<object?[]> Customers(StagingVolume v)
    {
        for (var c = 0; c < v.Customers; c++)
        {
            yield return [Id(SeedTable.Customer, c), $"Load Customer {S(c)}", Phone(c), Email(c), null, LeadTime(c), LeadTime(c)];
        }
    }

    private static IEnumerable<object?[]> Addresses(StagingVolume v)
    {
        for (var c = 0; c < v.Addresses; c++)
        {
            yield return [Id(SeedTable.CustomerAddress, c), Id(SeedTable.Customer, c), "home", $"{S(100 + c % 9900)} Load Test Way", null,
                "Portland", "OR", $"97{S(200 + c % 100)}", true, LeadTime(c), LeadTime(c)];
        }
    }

    private static IEnumerable<object?[]> Leads(StagingVolume v, bool withCustomer)
    {
        for (var l = 0; l < v.Leads; l++)
        {
            var c = v.CustomerOfLead(l);
            var source = Sources[l % Sources.Length];
            var status = v.JobOfLead(l) is null ? "quoted" : "scheduled";
            var metadata = $$"""{"step": "{{status}}", "item": "{{Items[l % Items.Length]}}"}""";
            object?[] row = [Id(SeedTable.Lead, l), $"Load Customer {S(c)}", Phone(c), Email(c), $"{S(100 + c % 9900)} Load Test Way, Portland",
                source, status, metadata, LeadTime(l), LeadTime(l)];
            yield return withCustomer ? [.. row, Id(SeedTable.Customer, c)] : row;
        }
    }

    private static IEnumerable<object?[]> Photos(StagingVolume v)
    {
        for (var l = 0; l < v.Photos; l++)
        {
            yield return [Id(SeedTable.LeadPhoto, l), Id(SeedTable.Lead, l), $"https://staging.junkquote.test/photos/{S(l)}.jpg",
                $$"""{"items": ["{{Items[l % Items.Length]}}"], "cubicYards": {{S(1 + l % 12)}}}""", LeadTime(l).AddMinutes(1)];
        }
    }

    private static IEnumerable<object?[]> Quotes(StagingVolume v)
    {
        for (var l = 0; l < v.Quotes; l++)
        {
            var low = 100m + l % 400;
            yield return [Id(SeedTable.Quote, l), Id(SeedTable.Lead, l), low, low + 150m, 1m + l % 12, v.JobOfLead(l) is null ? "sent" : "accepted",
                null, LeadTime(l).AddMinutes(2), LeadTime(l).AddMinutes(2)];
        }
    }

    private static IEnumerable<object?[]> Jobs(StagingVolume v, bool withCustomer)
    {
        for (var j = 0; j < v.Jobs; j++)
        {
            var l = v.LeadOfJob(j);
            var start = LeadTime(l).AddDays(3);
            var done = j % 3 != 0;
            object?[] row = [Id(SeedTable.Job, j), Id(SeedTable.Lead, l), Id(SeedTable.Quote, l), Id(SeedTable.Crew, j % v.Crews),
                done ? "completed" : "scheduled", $"{S(100 + v.CustomerOfLead(l) % 9900)} Load Test Way, Portland", start, start.AddHours(2),
                done ? 175m + l % 400 : null, null, LeadTime(l).AddMinutes(3), LeadTime(l).AddMinutes(3)];
            yield return withCustomer ? [.. row, Id(SeedTable.Customer, v.CustomerOfLead(l))] : row;
        }
    }

    private static IEnumerable<object?[]> AuditEntries(StagingVolume v)
    {
        for (var a = 0; a < v.AuditEntries; a++)
        {
            var l = a % v.Leads;
            var second = a >= v.Leads;
            object? job = second && v.JobOfLead(l) is { } j ? Id(SeedTable.Job, j) : null;
            yield return [Id(SeedTable.AuditLog, a), Id(SeedTable.Lead, l), job, second ? (job is null ? "quote.sent" : "job.scheduled") : "lead.created",
                "load-test", $$"""{"n": {{S(a)}}}""", LeadTime(l).AddMinutes(second ? 2 : 0)];
        }
    }

    private static DateTime MessageTime(StagingVolume v, int m) => LeadTime(m % v.Conversations).AddSeconds(20L * (m / v.Conversations));

    private static IEnumerable<object?[]> Conversations(StagingVolume v)
    {
        for (var l = 0; l < v.Conversations; l++)
        {
            // The last message of conversation l is the largest m with m % Conversations == l.
            var last = l < v.Messages ? MessageTime(v, v.Messages - 1 - ((v.Messages - 1 - l) % v.Conversations)) : (DateTime?)null;
            yield return [Id(SeedTable.Conversation, l), Id(SeedTable.Customer, v.CustomerOfLead(l)), Id(SeedTable.Lead, l),
                Sources[l % Sources.Length], l % 3 == 0 ? "closed" : "open", last, LeadTime(l), last ?? LeadTime(l)];
        }
    }

    private static IEnumerable<object?[]> Messages(StagingVolume v)
    {
        for (var m = 0; m < v.Messages; m++)
        {
            var turn = m / v.Conversations;
            var role = turn == 0 ? "user" : turn % 5 == 4 ? "system" : turn % 2 == 1 ? "assistant" : "user";
            yield return [Id(SeedTable.Message, m), Id(SeedTable.Conversation, m % v.Conversations), role,
                $"Load message {S(m)}: about the {Items[m % Items.Length]}", null, MessageTime(v, m)];
        }
    }

    private static IEnumerable<object?[]> MemoryNotes(StagingVolume v)
    {
        for (var c = 0; c < v.MemoryNotes; c++)
        {
            yield return [Id(SeedTable.MemoryNote, c), Id(SeedTable.Customer, c), "preference", $"Customer {S(c)} prefers {Sources[c % Sources.Length]}",
                c % 4 == 0 ? LeadTime(c).AddDays(30) : null, LeadTime(c), LeadTime(c)];
        }
    }

    private static IEnumerable<object?[]> JobItems(StagingVolume v)
    {
        for (var i = 0; i < v.JobItems; i++)
        {
            var j = i / 3;
            yield return [Id(SeedTable.JobItem, i), Id(SeedTable.Job, j), Items[i % Items.Length], Categories[i % Categories.Length],
                1m + i % 4, 15m + i % 90, LeadTime(v.LeadOfJob(j)).AddMinutes(4)];
        }
    }

    private static IEnumerable<object?[]> JobEvents(StagingVolume v)
    {
        for (var e = 0; e < v.JobEvents; e++)
        {
            var j = e / 2;
            var first = e % 2 == 0;
            yield return [Id(SeedTable.JobEvent, e), Id(SeedTable.Job, j), "status_changed", first ? null : "scheduled",
                first ? "scheduled" : (j % 3 != 0 ? "completed" : "rescheduled"), null, LeadTime(v.LeadOfJob(j)).AddMinutes(first ? 5 : 6)];
        }
    }

    // Seed data is never taken back by a rollback; the rows go with their tables.
    public override void Down()
    {
    }
}
