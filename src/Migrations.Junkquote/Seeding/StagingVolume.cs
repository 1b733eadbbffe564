namespace Migrations.Junkquote.Seeding;

/// <summary>
/// How many rows the Staging profile generates for a seed scale N (<c>--seed-scale</c>). Message,
/// the table the context-memory feature reads on every inbound text, is the largest: exactly N rows.
/// The rest follow it: a lead (with its conversation, quote and photo) per 10 messages, a customer
/// per 2 leads (with an address and a memory note), a job per 2 leads (3 items and 2 events each),
/// 2 audit entries per lead; users, crews and pricing rules are a fixed handful.
/// </summary>
public sealed record StagingVolume(int Scale)
{
    public int Messages => Scale;

    public int Leads => Math.Max(1, Scale / 10);

    public int Conversations => Leads;

    public int Quotes => Leads;

    public int Photos => Leads;

    public int Customers => Math.Max(1, Leads / 2);

    public int Addresses => Customers;

    public int MemoryNotes => Customers;

    public int Jobs => Math.Max(1, Leads / 2);

    public int JobItems => 3 * Jobs;

    public int JobEvents => 2 * Jobs;

    public int AuditEntries => 2 * Leads;

    public int Users => 10;

    public int Crews => 10;

    public int PricingRules => 8;

    /// <summary>The customer of lead <paramref name="lead"/>: two leads per customer.</summary>
    public int CustomerOfLead(int lead) => lead % Customers;

    /// <summary>The lead of job <paramref name="job"/>: every other lead became a job.</summary>
    public int LeadOfJob(int job) => 2 * job % Leads;

    /// <summary>The job made from <paramref name="lead"/>, or null.</summary>
    public int? JobOfLead(int lead) => lead % 2 == 0 && lead / 2 < Jobs ? lead / 2 : null;
}
