namespace Migrations.Junkquote.Seeding;

/// <summary>
/// The Development demo set: one junk-removal business's back office on a few days of October
/// 2025. Four customers (three people and a property manager) sent six leads; four were quoted,
/// three became jobs (two done, one scheduled), and the context-memory tables of Batch 1 hold their
/// conversations, addresses and notes. Ids come from <see cref="SeedKeys.Development"/>; phones and
/// emails are the fictional 555-01xx range and example.com. Each customer's id is its own (not a lead's),
/// so rolling Batch 2 back never mistakes the demo customers for backfilled ones.
/// </summary>
public static class DemoData
{
    private static Guid Id(SeedTable table, int number) => SeedKeys.Development.Id(table, number);

    private static DateTime At(int day, int hour, int minute = 0) => new(2025, 10, day, hour, minute, 0, DateTimeKind.Utc);

    public static readonly DemoUser[] Users =
    [
        new(Id(SeedTable.User, 1), "dana@example.com", "Dana Ortiz", "admin", At(1, 8)),
        new(Id(SeedTable.User, 2), "sam@example.com", "Sam Lee", "dispatcher", At(1, 8, 5)),
        new(Id(SeedTable.User, 3), "priya@example.com", "Priya Patel", "staff", At(1, 8, 10)),
    ];

    public static readonly DemoCrew[] Crews =
    [
        new(Id(SeedTable.Crew, 1), "Crew A (26 ft box truck)", "(555) 010-0901", true),
        new(Id(SeedTable.Crew, 2), "Crew B (pickup and trailer)", "(555) 010-0902", true),
    ];

    public static readonly DemoPricingRule[] PricingRules =
    [
        new(Id(SeedTable.PricingRule, 1), "Furniture", "furniture", 79.00m, 35.00m),
        new(Id(SeedTable.PricingRule, 2), "Appliances", "appliances", 99.00m, 40.00m),
        new(Id(SeedTable.PricingRule, 3), "Yard waste", "yard", 59.00m, 25.00m),
        new(Id(SeedTable.PricingRule, 4), "Construction debris", "debris", 129.00m, 55.00m),
    ];

    public static readonly DemoCustomer[] Customers =
    [
        new(Id(SeedTable.Customer, 1), "Maria Gonzalez", "5550100101", "maria.gonzalez@example.com", At(2, 9), "Prefers text messages"),
        new(Id(SeedTable.Customer, 2), "James Carter", "5550100102", "james.carter@example.com", At(3, 14), null),
        new(Id(SeedTable.Customer, 3), "Evergreen Property Management", "5550100103", "office@example.com", At(4, 10), "Invoices to accounts payable"),
        new(Id(SeedTable.Customer, 4), "Linh Tran", "5550100104", "linh.tran@example.com", At(6, 18), null),
    ];

    public static readonly DemoAddress[] Addresses =
    [
        new(Id(SeedTable.CustomerAddress, 1), Customers[0].Id, "home", "412 Alder St", "Portland", "OR", "97205", true),
        new(Id(SeedTable.CustomerAddress, 2), Customers[1].Id, "home", "88 Birch Ave", "Portland", "OR", "97214", true),
        new(Id(SeedTable.CustomerAddress, 3), Customers[2].Id, "office", "1500 Cedar Blvd, Suite 200", "Beaverton", "OR", "97005", true),
        new(Id(SeedTable.CustomerAddress, 4), Customers[2].Id, "Maple Court Apartments", "2210 Maple Ct", "Beaverton", "OR", "97006", false),
        new(Id(SeedTable.CustomerAddress, 5), Customers[3].Id, "home", "9 Dogwood Ln", "Gresham", "OR", "97030", true),
    ];

    // Lead phones are as people typed them; Batch 2 would normalise them to the customer's phone.
    public static readonly DemoLead[] Leads =
    [
        new(Id(SeedTable.Lead, 1), Customers[0].Id, "Maria Gonzalez", "(555) 010-0101", "maria.gonzalez@example.com", "412 Alder St, Portland", "sms", "completed", "Garage cleanout: old couch, mattress", At(2, 9)),
        new(Id(SeedTable.Lead, 2), Customers[0].Id, "Maria G.", "555.010.0101", null, "412 Alder St, Portland", "sms", "new", "Second request: a broken treadmill", At(9, 17)),
        new(Id(SeedTable.Lead, 3), Customers[1].Id, "James Carter", "555-010-0102", "James.Carter@example.com", "88 Birch Ave, Portland", "web", "scheduled", "Kitchen remodel: fridge and boxes", At(3, 14)),
        new(Id(SeedTable.Lead, 4), Customers[2].Id, "Evergreen PM (Tom)", "+1 555 010 0103", "office@example.com", "2210 Maple Ct, Beaverton", "phone", "completed", "Apartment turnover, unit 4B", At(4, 10)),
        new(Id(SeedTable.Lead, 5), Customers[2].Id, "Evergreen Property Management", "5550100103", "office@example.com", "2210 Maple Ct, Beaverton", "web", "quoted", "Unit 7A: carpet and debris", At(8, 11)),
        new(Id(SeedTable.Lead, 6), Customers[3].Id, "Linh Tran", "555 010 0104", "linh.tran@example.com", "9 Dogwood Ln, Gresham", "sms", "new", "Yard waste after storm", At(6, 18)),
    ];

    public static readonly DemoPhoto[] Photos =
    [
        new(Id(SeedTable.LeadPhoto, 1), Leads[0].Id, "https://example.com/photos/dev/garage-1.jpg", """{"items": ["couch", "mattress"], "cubicYards": 4}"""),
        new(Id(SeedTable.LeadPhoto, 2), Leads[0].Id, "https://example.com/photos/dev/garage-2.jpg", null),
        new(Id(SeedTable.LeadPhoto, 3), Leads[2].Id, "https://example.com/photos/dev/kitchen.jpg", """{"items": ["refrigerator", "boxes"], "cubicYards": 3}"""),
        new(Id(SeedTable.LeadPhoto, 4), Leads[5].Id, "https://example.com/photos/dev/yard.jpg", """{"items": ["branches"], "cubicYards": 6}"""),
    ];

    public static readonly DemoQuote[] Quotes =
    [
        new(Id(SeedTable.Quote, 1), Leads[0].Id, 180.00m, 240.00m, 4.0m, "accepted", At(2, 10)),
        new(Id(SeedTable.Quote, 2), Leads[2].Id, 150.00m, 210.00m, 3.0m, "accepted", At(3, 15)),
        new(Id(SeedTable.Quote, 3), Leads[3].Id, 420.00m, 560.00m, 10.0m, "accepted", At(4, 11)),
        new(Id(SeedTable.Quote, 4), Leads[4].Id, 300.00m, 380.00m, 7.5m, "sent", At(8, 12)),
    ];

    public static readonly DemoJob[] Jobs =
    [
        new(Id(SeedTable.Job, 1), Leads[0].Id, Quotes[0].Id, Crews[0].Id, Customers[0].Id, "completed", "412 Alder St, Portland", At(5, 9), At(5, 11), 225.00m),
        new(Id(SeedTable.Job, 2), Leads[2].Id, Quotes[1].Id, Crews[1].Id, Customers[1].Id, "scheduled", "88 Birch Ave, Portland", At(20, 13), At(20, 15), null),
        new(Id(SeedTable.Job, 3), Leads[3].Id, Quotes[2].Id, Crews[0].Id, Customers[2].Id, "completed", "2210 Maple Ct, Beaverton", At(7, 8), At(7, 12), 515.00m),
    ];

    public static readonly DemoJobItem[] JobItems =
    [
        new(Id(SeedTable.JobItem, 1), Jobs[0].Id, "Three-seat couch", "furniture", 1m, 95.00m),
        new(Id(SeedTable.JobItem, 2), Jobs[0].Id, "Queen mattress", "furniture", 1m, 130.00m),
        new(Id(SeedTable.JobItem, 3), Jobs[1].Id, "Refrigerator", "appliances", 1m, 120.00m),
        new(Id(SeedTable.JobItem, 4), Jobs[1].Id, "Moving boxes", "debris", 12m, 5.00m),
        new(Id(SeedTable.JobItem, 5), Jobs[2].Id, "Carpet rolls", "debris", 3m, 45.00m),
        new(Id(SeedTable.JobItem, 6), Jobs[2].Id, "Mixed debris (cubic yards)", "debris", 7m, 55.00m),
    ];

    public static readonly DemoJobEvent[] JobEvents =
    [
        new(Id(SeedTable.JobEvent, 1), Jobs[0].Id, "status_changed", null, "scheduled", At(2, 10, 30)),
        new(Id(SeedTable.JobEvent, 2), Jobs[0].Id, "status_changed", "scheduled", "completed", At(5, 11, 5)),
        new(Id(SeedTable.JobEvent, 3), Jobs[1].Id, "status_changed", null, "scheduled", At(3, 15, 30)),
        new(Id(SeedTable.JobEvent, 4), Jobs[2].Id, "status_changed", null, "scheduled", At(4, 11, 30)),
        new(Id(SeedTable.JobEvent, 5), Jobs[2].Id, "status_changed", "scheduled", "completed", At(7, 12, 10)),
    ];

    public static readonly DemoAudit[] AuditLog =
    [
        new(Id(SeedTable.AuditLog, 1), Leads[0].Id, null, "lead.created", "sms-bot", At(2, 9)),
        new(Id(SeedTable.AuditLog, 2), Leads[0].Id, Jobs[0].Id, "job.completed", "Crew A", At(5, 11, 5)),
        new(Id(SeedTable.AuditLog, 3), Leads[2].Id, null, "quote.sent", "priya@example.com", At(3, 15)),
        new(Id(SeedTable.AuditLog, 4), Leads[2].Id, Jobs[1].Id, "job.scheduled", "sam@example.com", At(3, 15, 30)),
        new(Id(SeedTable.AuditLog, 5), Leads[3].Id, Jobs[2].Id, "job.completed", "Crew A", At(7, 12, 10)),
        new(Id(SeedTable.AuditLog, 6), Leads[4].Id, null, "quote.sent", "dana@example.com", At(8, 12)),
    ];

    public static readonly DemoConversation[] Conversations =
    [
        new(Id(SeedTable.Conversation, 1), Customers[0].Id, Leads[0].Id, "sms", "closed", At(2, 9)),
        new(Id(SeedTable.Conversation, 2), Customers[1].Id, Leads[2].Id, "web", "open", At(3, 14)),
        new(Id(SeedTable.Conversation, 3), Customers[2].Id, Leads[3].Id, "phone", "closed", At(4, 10)),
        new(Id(SeedTable.Conversation, 4), Customers[3].Id, Leads[5].Id, "sms", "open", At(6, 18)),
    ];

    public static readonly DemoMessage[] Messages =
    [
        new(Id(SeedTable.Message, 1), Conversations[0].Id, "user", "Hi, can you haul away an old couch and a mattress from my garage?", At(2, 9)),
        new(Id(SeedTable.Message, 2), Conversations[0].Id, "assistant", "Sure! Could you send a photo of the items?", At(2, 9, 1)),
        new(Id(SeedTable.Message, 3), Conversations[0].Id, "user", "Sent two photos.", At(2, 9, 4)),
        new(Id(SeedTable.Message, 4), Conversations[0].Id, "assistant", "Thanks. Our estimate is $180 to $240. Would Oct 5 in the morning work?", At(2, 10)),
        new(Id(SeedTable.Message, 5), Conversations[1].Id, "user", "Need a fridge and about a dozen boxes gone after our remodel.", At(3, 14)),
        new(Id(SeedTable.Message, 6), Conversations[1].Id, "assistant", "We can do $150 to $210. Crew B is free on Oct 20 at 1 pm.", At(3, 15)),
        new(Id(SeedTable.Message, 7), Conversations[2].Id, "system", "Call transcript attached to the lead.", At(4, 10)),
        new(Id(SeedTable.Message, 8), Conversations[2].Id, "tool", "{\"quote\": {\"low\": 420, \"high\": 560}}", At(4, 11)),
        new(Id(SeedTable.Message, 9), Conversations[3].Id, "user", "A tree came down in the storm. Do you take yard waste?", At(6, 18)),
        new(Id(SeedTable.Message, 10), Conversations[3].Id, "assistant", "We do. Please send a photo and we will quote it.", At(6, 18, 2)),
    ];

    public static readonly DemoNote[] MemoryNotes =
    [
        new(Id(SeedTable.MemoryNote, 1), Customers[0].Id, "access", "Side gate code 4512; the garage is behind the house.", null, At(5, 12)),
        new(Id(SeedTable.MemoryNote, 2), Customers[2].Id, "billing", "Send invoices to ap@example.com with the unit number.", null, At(7, 13)),
        new(Id(SeedTable.MemoryNote, 3), Customers[3].Id, "follow_up", "Waiting for a photo of the fallen tree.", At(20, 0), At(6, 18, 3)),
    ];
}

public sealed record DemoUser(Guid Id, string Email, string Name, string Role, DateTime CreatedAt);

public sealed record DemoCrew(Guid Id, string Name, string Phone, bool Active);

public sealed record DemoPricingRule(Guid Id, string Name, string Category, decimal BasePrice, decimal PricePerCubicYard);

public sealed record DemoCustomer(Guid Id, string Name, string Phone, string Email, DateTime CreatedAt, string? Notes);

public sealed record DemoAddress(Guid Id, Guid CustomerId, string Label, string Line1, string City, string State, string PostalCode, bool IsPrimary);

public sealed record DemoLead(Guid Id, Guid CustomerId, string Name, string Phone, string? Email, string Address, string Source, string Status, string Request, DateTime CreatedAt);

public sealed record DemoPhoto(Guid Id, Guid LeadId, string Url, string? AiAnalysis);

public sealed record DemoQuote(Guid Id, Guid LeadId, decimal Low, decimal High, decimal CubicYards, string Status, DateTime CreatedAt);

public sealed record DemoJob(Guid Id, Guid LeadId, Guid QuoteId, Guid CrewId, Guid CustomerId, string Status, string Address, DateTime Start, DateTime End, decimal? FinalPrice);

public sealed record DemoJobItem(Guid Id, Guid JobId, string Description, string Category, decimal Quantity, decimal UnitPrice);

public sealed record DemoJobEvent(Guid Id, Guid JobId, string EventType, string? FromStatus, string ToStatus, DateTime CreatedAt);

public sealed record DemoAudit(Guid Id, Guid LeadId, Guid? JobId, string Action, string Actor, DateTime CreatedAt);

public sealed record DemoConversation(Guid Id, Guid CustomerId, Guid LeadId, string Channel, string Status, DateTime CreatedAt);

public sealed record DemoMessage(Guid Id, Guid ConversationId, string Role, string Content, DateTime CreatedAt);

public sealed record DemoNote(Guid Id, Guid CustomerId, string Key, string Content, DateTime? ExpiresAt, DateTime CreatedAt);
