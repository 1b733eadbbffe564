using Migrations.Testing;

namespace Migrations.Junkquote.Tests.Backfill;

/// <summary>
/// Realistic lead data as it sits before Batch 2: the same people across several leads, leads
/// with only a phone or only an email, phones and emails written differently, malformed
/// contact details, empty and malformed stateMetadata, and audit entries.
/// </summary>
public static class MessyLeads
{
    public const string AdaFirst = "a0000000-0000-4000-8000-000000000001";
    public const string AdaAgain = "a0000000-0000-4000-8000-000000000002";
    public const string AdaEmailOnly = "a0000000-0000-4000-8000-000000000003";
    public const string BobPhoneOnly = "b0000000-0000-4000-8000-000000000004";
    public const string BobEmailOnly = "b0000000-0000-4000-8000-000000000005";
    public const string CarolMalformed = "c0000000-0000-4000-8000-000000000006";
    public const string Dave = "d0000000-0000-4000-8000-000000000007";
    public const string EveSharesDavesPhone = "d0000000-0000-4000-8000-000000000008";
    public const string EveAgain = "d0000000-0000-4000-8000-000000000009";

    public const int LeadCount = 9;

    public static void Insert(TestDatabase db)
    {
        // Dave's history is not JSON at all on SQLite; PostgreSQL's jsonb cannot hold that, so there it is a bare JSON string.
        var unreadableHistory = db.Provider == Provider.Postgres ? "'\"see notes\"'" : "'{not json'";
        Lead(db, AdaFirst, "'Ada'", "'(555) 123-4567'", "'ADA@example.com '", "'sms'", "2025-10-01 10:00:00", """
            '{"state": "awaiting_photos", "messages": [
                {"role": "user", "content": "Can you take a couch?", "timestamp": "2025-10-01T10:05:00Z"},
                {"role": "assistant", "content": "Sure, send a photo.", "timestamp": "2025-10-01T10:06:00Z"}]}'
            """);
        Lead(db, AdaAgain, "'Ada Lovelace'", "'+1 555 123 4567'", "NULL", "'web'", "2025-10-03 09:00:00", """
            '{"messages": [{"role": "bot", "text": "Welcome back!", "timestamp": "not a date"}, "stray text", {"role": "user", "content": "   "}]}'
            """);
        Lead(db, AdaEmailOnly, "NULL", "NULL", "'ada@example.com'", "'web'", "2025-10-05 09:00:00", "'{}'");
        Lead(db, BobPhoneOnly, "'Bob'", "'555.987.6543'", "NULL", "'voice'", "2025-10-02 08:00:00", "'[]'");
        Lead(db, BobEmailOnly, "'Bob B.'", "NULL", "'bob@example.com'", "'web'", "2025-10-04 08:00:00", "NULL");
        Lead(db, CarolMalformed, "'Carol'", "'call me maybe'", "'carol-at-example'", "'web'", "2025-10-06 08:00:00", "'{\"messages\": \"none\"}'");
        Lead(db, Dave, "'Dave'", "'555-222-3333'", "'dave@example.com'", "'sms'", "2025-10-07 08:00:00", unreadableHistory);
        Lead(db, EveSharesDavesPhone, "'Eve'", "'555 222 3333'", "'eve@example.com'", "'sms'", "2025-10-08 08:00:00", "NULL");
        Lead(db, EveAgain, "'  '", "'555-000-1111'", "'EVE@Example.com'", "'sms'", "2025-10-09 08:00:00", "NULL");

        Audit(db, AdaFirst, "lead.created", "2025-10-01 10:00:00");
        Audit(db, AdaFirst, "quote.sent", "2025-10-01 11:00:00");
        Audit(db, BobPhoneOnly, "call.received", "2025-10-02 08:00:00");
        Audit(db, null, "settings.changed", "2025-10-02 09:00:00");
    }

    private static void Lead(TestDatabase db, string id, string name, string phone, string email, string source, string createdAt, string stateMetadata) =>
        db.Execute($"""
            INSERT INTO "Lead" (id, name, phone, email, source, "stateMetadata", "createdAt", "updatedAt")
            VALUES ('{id}', {name}, {phone}, {email}, {source}, {stateMetadata}, '{createdAt}', '{createdAt}')
            """);

    private static void Audit(TestDatabase db, string? leadId, string action, string createdAt) =>
        db.Execute($"""
            INSERT INTO "AuditLog" ("leadId", action, "createdAt") VALUES ({(leadId is null ? "NULL" : $"'{leadId}'")}, '{action}', '{createdAt}')
            """);
}
