namespace Migrations.Claims.Seeding;

/// <summary>
/// The Development profile's demo data: three organisations (loss adjusters), their users, four
/// trades companies and six claims with the events, timeline, documents, reports, e-mails and
/// contractor assignments the features show. Every key is fixed (text ids start with "dev-",
/// company uuids with "de000000-"), so re-seeding finds the same rows. Derived rows
/// (ClaimContractor, storage_usage) are computed here from the same events and files the
/// backfills read, so seeding before or after those migrations gives the same content.
/// </summary>
public static class DemoData
{
    public const string IdPrefix = "dev-";

    public static readonly DateTime Start = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    public sealed record Organisation(string Id, string Name, string Adjuster, string Client, string ClientEmail);

    public sealed record Company(Guid Id, string Name, string Email, string Phone);

    public sealed record Claim(string Id, Organisation Org, string Number, string Title, string Status, int Day);

    public sealed record Assignment(Claim Claim, Company Company, string Role, int AssignedDay, int? AcceptedDay, int? CompletedDay, string? Notes)
    {
        public string Key => $"{Claim.Id[IdPrefix.Length..]}-{Company.Name.Split(' ')[0].ToLowerInvariant()}";

        public string Status => CompletedDay is not null ? "completed" : AcceptedDay is not null ? "accepted" : "assigned";
    }

    public sealed record Document(string Id, Claim Claim, string FileName, string MimeType, long SizeBytes, int Day);

    public sealed record Upload(string Id, Organisation Org, string Kind, string FileName, string MimeType, long SizeBytes);

    public sealed record Report(string Id, Claim Claim, string Type, string Status, int Day);

    public static readonly Organisation Northwind = new("dev-org-northwind", "Northwind Restoration", "dev-user-alice", "dev-user-erin", "erin@example.test");
    public static readonly Organisation Harbor = new("dev-org-harbor", "Harbor Adjusters", "dev-user-carol", "dev-user-frank", "frank@example.test");
    public static readonly Organisation Summit = new("dev-org-summit", "Summit Claims", "dev-user-dan", "dev-user-grace", "grace@example.test");

    public static readonly Organisation[] Organisations = [Northwind, Harbor, Summit];

    public static readonly Company Acme = new(Guid.Parse("de000000-0000-4000-8000-000000000001"), "Acme Plumbing", "jobs@acme-plumbing.example.test", "+1 555 0101");
    public static readonly Company Bravo = new(Guid.Parse("de000000-0000-4000-8000-000000000002"), "Bravo Roofing", "office@bravo-roofing.example.test", "+1 555 0102");
    public static readonly Company Coastal = new(Guid.Parse("de000000-0000-4000-8000-000000000003"), "Coastal Electrical", "hello@coastal-electrical.example.test", "+1 555 0103");
    public static readonly Company Delta = new(Guid.Parse("de000000-0000-4000-8000-000000000004"), "Delta Drywall", "team@delta-drywall.example.test", "+1 555 0104");

    public static readonly Company[] Companies = [Acme, Bravo, Coastal, Delta];

    public static readonly Claim[] DemoClaims =
    [
        new("dev-claim-001", Northwind, "CLM-1001", "Burst pipe in kitchen", "open", 0),
        new("dev-claim-002", Northwind, "CLM-1002", "Hail damage to roof", "in_review", 1),
        new("dev-claim-003", Northwind, "CLM-1003", "Electrical fire in garage", "approved", 2),
        new("dev-claim-004", Harbor, "CLM-2001", "Flooded basement", "open", 3),
        new("dev-claim-005", Harbor, "CLM-2002", "Storm-damaged fence", "closed", 4),
        new("dev-claim-006", Summit, "CLM-3001", "Mould behind drywall", "open", 5),
    ];

    public static readonly Assignment[] Assignments =
    [
        new(DemoClaims[0], Acme, "primary_contractor", 1, 2, 5, "Pipe replaced, walls drying"),
        new(DemoClaims[1], Bravo, "primary_contractor", 2, 3, null, null),
        new(DemoClaims[1], Delta, "subcontractor", 3, null, null, "Ceiling repair after the roof"),
        new(DemoClaims[2], Coastal, "consultant", 3, 4, 6, "Wiring report sent"),
        new(DemoClaims[3], Acme, "primary_contractor", 4, null, null, null),
        new(DemoClaims[5], Delta, "primary_contractor", 6, 7, null, null),
    ];

    public static readonly Document[] Documents =
    [
        new("dev-doc-001", DemoClaims[0], "kitchen-photos.zip", "application/zip", 48_500_000, 0),
        new("dev-doc-002", DemoClaims[0], "plumber-invoice.pdf", "application/pdf", 210_000, 5),
        new("dev-doc-003", DemoClaims[1], "roof-inspection.pdf", "application/pdf", 1_250_000, 2),
        new("dev-doc-004", DemoClaims[2], "fire-report.pdf", "application/pdf", 830_000, 3),
        new("dev-doc-005", DemoClaims[3], "basement-video.mp4", "video/mp4", 152_000_000, 3),
        new("dev-doc-006", DemoClaims[5], "mould-test.pdf", "application/pdf", 95_000, 6),
    ];

    public static readonly Upload[] Uploads =
    [
        new("dev-brand-northwind-logo", Northwind, "logo", "northwind-logo.png", "image/png", 42_000),
        new("dev-brand-northwind-letterhead", Northwind, "letterhead", "northwind-letterhead.pdf", "application/pdf", 120_000),
        new("dev-brand-harbor-logo", Harbor, "logo", "harbor-logo.svg", "image/svg+xml", 8_400),
        new("dev-brand-summit-logo", Summit, "logo", "summit-logo.png", "image/png", 36_000),
    ];

    public static readonly Report[] Reports =
    [
        new("dev-report-001", DemoClaims[0], "damage_summary", "completed", 2),
        new("dev-report-002", DemoClaims[1], "damage_summary", "processing", 3),
        new("dev-report-003", DemoClaims[2], "cause_of_loss", "completed", 4),
        new("dev-report-004", DemoClaims[3], "damage_summary", "queued", 4),
        new("dev-report-005", DemoClaims[4], "settlement", "failed", 5),
    ];

    /// <summary>Claims whose client has a portal link.</summary>
    public static readonly Claim[] PortalClaims = [DemoClaims[0], DemoClaims[3], DemoClaims[5]];

    public static DateTime At(int day, int hour = 0) => Start.AddDays(day).AddHours(hour);

    public static string CompanyJson(Company company, string? role = null, string? notes = null) =>
        $"{{\"companyId\": \"{company.Id:D}\"" + (role is null ? "" : $", \"role\": \"{role}\"") + (notes is null ? "" : $", \"notes\": \"{notes}\"") + "}";

    /// <summary>Bytes and files per organisation, as the storage_usage backfill counts them (uploads plus its claims' documents).</summary>
    public static IEnumerable<(Organisation Org, long UsedBytes, int FileCount)> StorageUsage() =>
        Organisations.Select(org => (org,
            Uploads.Where(u => u.Org == org).Sum(u => u.SizeBytes) + Documents.Where(d => d.Claim.Org == org).Sum(d => d.SizeBytes),
            Uploads.Count(u => u.Org == org) + Documents.Count(d => d.Claim.Org == org)));
}
