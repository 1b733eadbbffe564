using System.Globalization;
using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;

namespace Migrations.Clearway;

/// <summary>
/// The Staging profile: volume data for load tests, generated from the row number alone (no
/// randomness), so every run with the same <c>--seed-scale</c> produces the same rows.
/// <list type="bullet">
/// <item><c>Document</c>, <c>CapitalCall</c> and <c>AuditLog</c>: exactly <c>--seed-scale</c> rows each
/// (one notice per call, one "capital_call.created" audit entry per call);</item>
/// <item><c>User</c>, <c>BankAccount</c>, <c>OrganizationMember</c>: scale / 20 (each investor has about 20 calls);</item>
/// <item><c>Organization</c>: scale / 1000 (at least one);</item>
/// <item><c>Payment</c>: one for every call whose status is PAID (3 in 10).</item>
/// </list>
/// Every staging id starts with <c>stg-</c>. A run first deletes the rows with that prefix,
/// children first, then streams the new rows parents first with <c>Bulk</c> (binary COPY on
/// PostgreSQL, one prepared INSERT on SQLite), all in the profile's one transaction: seeding twice
/// gives the same rows, and rows that are not <c>stg-</c> are never touched.
/// </summary>
[Profile("Staging")]
public sealed class StagingVolumeData(RunSettings run, ILogger<StagingVolumeData> logger) : ClearwaySeedProfile(logger)
{
    public const string Prefix = "stg-";

    private const int CallsPerUser = 20;
    private const int CallsPerOrganization = 1000;

    private static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Funds =
    [
        "Redwood Growth Fund IV", "Atlas Infrastructure Fund II", "Meridian Credit Opportunities", "Harborview Real Estate III",
        "Northstar Buyout Fund VI", "Cascade Venture Partners II", "Granite Secondaries Fund", "Bluewater Energy Transition I",
        "Keystone Healthcare Fund III", "Silverline Mezzanine II", "Evergreen Co-Investment Fund", "Pioneer Climate Fund I",
    ];

    private static readonly string[] Statuses =
        ["PAID", "PAID", "PAID", "APPROVED", "APPROVED", "APPROVED", "PENDING_REVIEW", "PENDING_REVIEW", "PENDING_REVIEW", "REJECTED"];

    /// <summary>Children first: the order in which a re-run deletes the previous staging rows.</summary>
    public static readonly string[] DeleteOrder =
        ["Payment", "AuditLog", "OrganizationMember", "BankAccount", "CapitalCall", "Document", "User", "Organization"];

    public static int Organizations(int scale) => Math.Max(1, scale / CallsPerOrganization);

    public static int Users(int scale) => Math.Max(1, scale / CallsPerUser);

    public static int PaidCalls(int scale) => Enumerable.Range(0, Statuses.Length).Count(s => Statuses[s] == "PAID") * (scale / Statuses.Length)
        + Enumerable.Range(0, scale % Statuses.Length).Count(s => Statuses[s] == "PAID");

    protected override void Seed()
    {
        var scale = Math.Max(1, run.SeedScale);
        var organizations = Organizations(scale);
        var users = Users(scale);

        foreach (var table in DeleteOrder.Where(t => Schema.Table(t).Exists()))
        {
            Delete.FromTable(table).Row(new { id = RawSql.Insert($"LIKE '{Prefix}%'") });
        }

        Bulk("Organization", [], ["id", "name", "slug", "createdAt", "updatedAt"], () => Range(organizations).Select(o => new object?[]
        {
            OrgId(o), $"Staging Organization {o:D5}", $"stg-org-{o:D5}", Epoch, Epoch,
        }));

        Bulk("User", ["Organization"], ["id", "email", "name", "organizationId", "createdAt", "updatedAt"], () => Range(users).Select(u => new object?[]
        {
            UserId(u), $"stg-user-{u:D6}@staging.clearway.test", $"Staging Investor {u:D6}", OrgId(OrgOf(u, organizations)), Epoch, Epoch,
        }));

        Bulk("Document", ["User", "Organization"], ["id", "fileName", "fileUrl", "fileSize", "mimeType", "status", "uploadedAt", "userId", "organizationId"],
            () => Range(scale).Select(n => new object?[]
            {
                DocumentId(n), $"capital-call-notice-{n:D8}.pdf", $"https://files.staging.clearway.test/notices/{n:D8}.pdf", 100_000L + (n % 900) * 1_024L,
                "application/pdf", "PROCESSED", DueDate(n).AddDays(-30), UserId(UserOf(n, users)), OrgId(OrgOf(UserOf(n, users), organizations)),
            }));

        Bulk("CapitalCall", ["Document", "User"],
            ["id", "documentId", "userId", "fundName", "investorEmail", "investorAccount", "amountDue", "currency", "dueDate", "status", "bankDetails",
             "extractionConfidence", "approvedAt", "approvedBy", "createdAt", "updatedAt"],
            () => Range(scale).Select(n =>
            {
                var user = UserId(UserOf(n, users));
                var status = Status(n);
                var approved = status is "PAID" or "APPROVED";
                return new object?[]
                {
                    CallId(n), DocumentId(n), user, Fund(n), $"stg-user-{UserOf(n, users):D6}@staging.clearway.test", $"LP-{n:D8}", Amount(n), "USD",
                    DueDate(n), status, $$"""{"bankName":"Staging Bank","accountNumber":"****{{n % 10_000:D4}}"}""",
                    0.80 + (n % 20) / 100.0, approved ? DueDate(n).AddDays(-10) : null, approved ? user : null, DueDate(n).AddDays(-30), DueDate(n).AddDays(-30),
                };
            }));

        Bulk("BankAccount", ["User", "Organization"],
            ["id", "userId", "organizationId", "plaidItemId", "plaidAccountId", "plaidAccessToken", "institutionName", "accountName", "accountMask", "accountType",
             "status", "createdAt", "updatedAt"],
            () => Range(users).Select(u => new object?[]
            {
                BankId(u), UserId(u), OrgId(OrgOf(u, organizations)), $"stg-item-{u:D6}", $"stg-plaid-acct-{u:D6}", "stg-not-a-real-token",
                "Staging Bank", $"Capital calls {u:D6}", (u % 10_000).ToString("D4", CultureInfo.InvariantCulture), "checking", "ACTIVE", Epoch, Epoch,
            }));

        Bulk("OrganizationMember", ["Organization", "User"], ["id", "organizationId", "userId", "role", "joinedAt"], () => Range(users).Select(u => new object?[]
        {
            $"stg-mem-{u:D6}", OrgId(OrgOf(u, organizations)), UserId(u), u <= organizations ? "OWNER" : "MEMBER", Epoch,
        }));

        Bulk("Payment", ["CapitalCall", "User", "BankAccount"],
            ["id", "capitalCallId", "userId", "bankAccountId", "amount", "currency", "paymentMethod", "status", "reference", "paidAt", "createdAt", "updatedAt"],
            () => Range(scale).Where(n => Status(n) == "PAID").Select(n => new object?[]
            {
                $"stg-pay-{n:D8}", CallId(n), UserId(UserOf(n, users)), BankId(UserOf(n, users)), Amount(n), "USD", n % 2 == 0 ? "WIRE" : "ACH",
                n % 3 == 0 ? "RECONCILED" : "COMPLETED", $"STG-REF-{n:D8}", DueDate(n).AddDays(-2), DueDate(n).AddDays(-2), DueDate(n).AddDays(-2),
            }));

        Bulk("AuditLog", ["Organization", "User", "CapitalCall"],
            ["id", "organizationId", "userId", "action", "entityType", "entityId", "changes", "ipAddress", "createdAt"],
            () => Range(scale).Select(n => new object?[]
            {
                $"stg-audit-{n:D8}", OrgId(OrgOf(UserOf(n, users), organizations)), UserId(UserOf(n, users)), "capital_call.created", "CapitalCall", CallId(n),
                string.Create(CultureInfo.InvariantCulture, $$"""{"fundName":"{{Fund(n)}}","amountDue":{{Amount(n)}}}"""), $"10.{n / 65_536 % 256}.{n / 256 % 256}.{n % 256}",
                DueDate(n).AddDays(-30),
            }));

        Log(string.Create(CultureInfo.InvariantCulture,
            $"scale {scale}: {organizations} organizations, {users} users, {scale} documents, capital calls and audit entries, {PaidCalls(scale)} payments (ids {Prefix}*)"));
    }

    private void Bulk(string table, string[] parents, string[] columns, Func<IEnumerable<object?[]>> rows)
    {
        if (Ready(table, columns, parents))
        {
            Insert.IntoTable(table).Bulk(columns, rows);
        }
    }

    /// <summary>1..count, generated lazily.</summary>
    private static IEnumerable<int> Range(int count) => Enumerable.Range(1, count);

    private static string OrgId(int o) => $"stg-org-{o:D5}";

    private static string UserId(int u) => $"stg-user-{u:D6}";

    private static string BankId(int u) => $"stg-bank-{u:D6}";

    private static string DocumentId(int n) => $"stg-doc-{n:D8}";

    private static string CallId(int n) => $"stg-call-{n:D8}";

    private static int UserOf(int call, int users) => ((call - 1) % users) + 1;

    private static int OrgOf(int user, int organizations) => ((user - 1) % organizations) + 1;

    private static string Status(int n) => Statuses[(n - 1) % Statuses.Length];

    private static string Fund(int n) => Funds[(n / 7) % Funds.Length];

    /// <summary>Between 10,000.00 and 2,009,999.99, spread by a prime step.</summary>
    private static decimal Amount(int n) => 10_000m + ((n * 7_919L) % 200_000_000L) / 100m;

    /// <summary>Over two years of due dates, one per day, cycling.</summary>
    private static DateTime DueDate(int n) => Epoch.AddDays(n % 730);
}
