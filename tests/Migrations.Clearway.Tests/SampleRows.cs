using Migrations.Testing;

namespace Migrations.Clearway.Tests;

/// <summary>Inserts the smallest valid rows of the clearway tables, with ids the test chooses.</summary>
public static class SampleRows
{
    public static void Organization(this TestDatabase db, string id) =>
        db.Execute($"INSERT INTO \"Organization\" (\"id\", \"name\", \"slug\") VALUES ('{id}', 'Org {id}', '{id}')");

    public static void User(this TestDatabase db, string id, string? organizationId = null) =>
        db.Execute($"INSERT INTO \"User\" (\"id\", \"email\", \"organizationId\") VALUES ('{id}', '{id}@example.com', {Nullable(organizationId)})");

    public static void Document(this TestDatabase db, string id, string userId, string? organizationId = null) =>
        db.Execute($"""
            INSERT INTO "Document" ("id", "fileName", "fileUrl", "fileSize", "mimeType", "userId", "organizationId")
            VALUES ('{id}', '{id}.pdf', 'https://files.example.com/{id}.pdf', 1024, 'application/pdf', '{userId}', {Nullable(organizationId)})
            """);

    /// <summary>A capital call with its own document.</summary>
    public static void CapitalCall(this TestDatabase db, string id, string userId, string fundName = "Fund I", decimal amountDue = 1000m,
        string dueDate = "2025-01-15 00:00:00", string status = "PENDING_REVIEW")
    {
        db.Document("doc-" + id, userId);
        db.Execute($"""
            INSERT INTO "CapitalCall" ("id", "documentId", "userId", "fundName", "amountDue", "dueDate", "status")
            VALUES ('{id}', 'doc-{id}', '{userId}', '{fundName}', {amountDue.ToString(System.Globalization.CultureInfo.InvariantCulture)}, '{dueDate}', '{status}')
            """);
    }

    public static void Payment(this TestDatabase db, string id, string capitalCallId, string userId, string? bankAccountId = null) =>
        db.Execute($"""
            INSERT INTO "Payment" ("id", "capitalCallId", "userId", "bankAccountId", "amount", "paymentMethod", "paidAt")
            VALUES ('{id}', '{capitalCallId}', '{userId}', {Nullable(bankAccountId)}, 500, 'WIRE', '2025-01-20 00:00:00')
            """);

    public static void BankAccount(this TestDatabase db, string id, string userId) =>
        db.Execute($"""
            INSERT INTO "BankAccount" ("id", "userId", "plaidItemId", "plaidAccountId", "plaidAccessToken", "institutionName", "accountName", "accountType")
            VALUES ('{id}', '{userId}', 'item-{id}', 'acct-{id}', 'token', 'Bank', 'Operating', 'checking')
            """);

    public static void FundAdministrator(this TestDatabase db, string id) =>
        db.Execute($"INSERT INTO \"FundAdministrator\" (\"id\", \"code\", \"name\", \"authType\") VALUES ('{id}', '{id}', 'Admin {id}', 'API_KEY')");

    public static void FundAdminConnection(this TestDatabase db, string id, string organizationId, string fundAdministratorId) =>
        db.Execute($"""
            INSERT INTO "FundAdminConnection" ("id", "organizationId", "fundAdministratorId", "credentials")
            VALUES ('{id}', '{organizationId}', '{fundAdministratorId}', '[]')
            """);

    public static void AuditLog(this TestDatabase db, string id, string? userId, string? organizationId) =>
        db.Execute($"""
            INSERT INTO "AuditLog" ("id", "userId", "organizationId", "action", "entityType")
            VALUES ('{id}', {Nullable(userId)}, {Nullable(organizationId)}, 'capital_call.approved', 'CapitalCall')
            """);

    public static long Rows(this TestDatabase db, string table, string where = "1 = 1") =>
        db.Count($"SELECT count(*) FROM \"{table}\" WHERE {where}");

    private static string Nullable(string? value) => value is null ? "NULL" : $"'{value}'";
}
