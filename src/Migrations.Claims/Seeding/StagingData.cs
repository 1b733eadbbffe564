namespace Migrations.Claims.Seeding;

/// <summary>
/// The Staging profile's volume data, generated from the row number alone, so the same scale always
/// gives the same rows. <see cref="Scale"/> rows go into claim_events (the audit log, the largest
/// table in production); the other tables are proportional to the number of claims (Scale / 10).
/// Text ids start with "stg-", company uuids with "5a9e0000-": the profile deletes exactly that key
/// space before it inserts again.
/// </summary>
public sealed class StagingData(int scale)
{
    public const string IdPrefix = "stg-";

    public const string CompanyUuidPrefix = "5a9e0000-";

    public static readonly DateTime Start = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Roles = ["primary_contractor", "subcontractor", "consultant"];
    private static readonly string[] ClaimStates = ["open", "in_review", "approved", "closed"];
    private static readonly string[] QueueStates = ["queued", "processing", "completed", "failed"];

    /// <summary>Rows in claim_events.</summary>
    public int Scale { get; } = Math.Max(1, scale);

    /// <summary>Claims: ten events each.</summary>
    public int Claims => Math.Max(1, Scale / 10);

    /// <summary>Organisations (text ids only: the seed names no organisations table): a hundred claims each.</summary>
    public int Organisations => Math.Max(1, Claims / 100);

    /// <summary>Trades companies: one per twenty claims.</summary>
    public int Companies => Math.Max(1, Claims / 20);

    public int TimelineEvents => Claims * 3;

    public int Documents => Claims * 2;

    public int Reports => (Claims + 1) / 2;

    public static string ClaimId(int k) => $"stg-claim-{k:D7}";

    public static string OrgIdOf(int o) => $"stg-org-{o:D4}";

    public string OrgId(int k) => OrgIdOf(k % Organisations);

    public static Guid CompanyIdOf(int p) => Guid.Parse($"{CompanyUuidPrefix}0000-4000-8000-{p:x12}");

    public Guid CompanyId(int k) => CompanyIdOf(k % Companies);

    public string UserId(int k) => $"stg-user-{k % (Organisations * 5):D5}";

    public static DateTime ClaimCreated(int k) => Start.AddMinutes(k);

    /// <summary>The event of claim <paramref name="k"/> in round <paramref name="round"/> exists when its row number is below the scale.</summary>
    private bool HasEvent(int k, int round) => (long)round * Claims + k < Scale;

    public bool HasContractor(int k) => k % 2 == 0 && HasEvent(k, 1);

    public bool Accepted(int k) => HasContractor(k) && k % 4 == 0 && HasEvent(k, 2);

    public bool Completed(int k) => Accepted(k) && k % 8 == 0 && HasEvent(k, 3);

    public static string Role(int k) => Roles[k / 2 % 3];

    public static DateTime EventAt(int k, int round) => ClaimCreated(k).AddHours(round);

    public IEnumerable<object?[]> TradesCompanies()
    {
        for (var p = 0; p < Companies; p++)
        {
            yield return [CompanyIdOf(p), $"Staging Trades {p:D4}", $"trades{p}@staging.example.test", $"+1 555 {p % 10000:D4}", Start.AddDays(-30)];
        }
    }

    public IEnumerable<object?[]> ClaimRows()
    {
        for (var k = 0; k < Claims; k++)
        {
            yield return [ClaimId(k), OrgId(k), $"STG-{k:D7}", $"Staging claim {k}", ClaimStates[k % 4], ClaimCreated(k), ClaimCreated(k).AddDays(1)];
        }
    }

    /// <summary>claim_events: row i is round i / Claims of claim i % Claims.</summary>
    public IEnumerable<object?[]> ClaimEvents()
    {
        for (var i = 0; i < Scale; i++)
        {
            var k = i % Claims;
            var round = i / Claims;
            var company = CompanyId(k).ToString("D");
            var (type, data) = round switch
            {
                0 => ("claim_created", $"{{\"claimNumber\": \"STG-{k:D7}\"}}"),
                1 when HasContractor(k) => ("contractor_assigned", $"{{\"companyId\": \"{company}\", \"role\": \"{Role(k)}\"}}"),
                2 when Accepted(k) => ("contractor_accepted", $"{{\"companyId\": \"{company}\"}}"),
                3 when Completed(k) => ("contractor_completed", $"{{\"companyId\": \"{company}\"}}"),
                _ when round % 2 == 1 => ("note_added", $"{{\"note\": \"Site visit {round}\"}}"),
                _ => ("status_changed", $"{{\"from\": \"open\", \"to\": \"in_review\", \"round\": {round}}}"),
            };
            yield return [$"stg-evt-{i:D8}", ClaimId(k), OrgId(k), type, UserId(k), data, EventAt(k, round)];
        }
    }

    public IEnumerable<object?[]> Timeline()
    {
        for (var n = 0; n < TimelineEvents; n++)
        {
            var k = n % Claims;
            var round = n / Claims;
            var (type, title) = round switch { 0 => ("claim_opened", "Claim opened"), 1 => ("adjuster_note", "Adjuster note"), _ => ("inspection", "Inspection booked") };
            var at = ClaimCreated(k).AddHours(round * 6);
            yield return [$"stg-tl-{n:D8}", ClaimId(k), type, title, round == 1 ? "Internal note" : null, round != 1, at, at];
        }
    }

    public IEnumerable<object?[]> PortalLinks()
    {
        for (var k = 0; k < Claims; k += 4)
        {
            yield return [$"stg-portal-{k:D7}", ClaimId(k), $"stg-token-{k:D7}", $"client{k}@staging.example.test", ClaimCreated(k).AddDays(90), null, ClaimCreated(k)];
        }
    }

    public IEnumerable<object?[]> Connections(bool withClaimId)
    {
        for (var k = 0; k < Claims; k++)
        {
            if (HasContractor(k))
            {
                object?[] row = [$"stg-cpc-{k:D7}", $"stg-client-{k:D7}", CompanyId(k), Accepted(k) ? "accepted" : "pending", EventAt(k, 1)];
                yield return withClaimId ? [.. row, ClaimId(k)] : row;
            }
        }
    }

    /// <summary>One report per two claims; report r belongs to claim 2r and cycles through the four queue states.</summary>
    public IEnumerable<object?[]> AiReports()
    {
        for (var r = 0; r < Reports; r++)
        {
            var k = r * 2;
            var state = QueueStates[r % 4];
            yield return [$"stg-report-{r:D7}", ClaimId(k), OrgId(k), r % 3 == 0 ? "settlement" : "damage_summary", state,
                state == "completed" ? $"{{\"summary\": \"Staging report {r}\", \"pages\": {1 + r % 9}}}" : null,
                state == "failed" ? "Model timed out" : null, ClaimCreated(k).AddHours(2), ClaimCreated(k).AddHours(3)];
        }
    }

    public IEnumerable<object?[]> ReportQueue()
    {
        for (var r = 0; r < Reports; r++)
        {
            var k = r * 2;
            var state = QueueStates[r % 4];
            var created = ClaimCreated(k).AddHours(2);
            yield return [$"stg-queue-{r:D7}", $"stg-report-{r:D7}", ClaimId(k), OrgId(k), 1 + r % 9, state,
                state switch { "queued" => 0, "failed" => 3, _ => 1 }, state == "failed" ? "Model timed out" : null,
                created, state == "queued" ? null : created.AddMinutes(1), state is "completed" or "failed" ? created.AddMinutes(5) : null, created];
        }
    }

    private IEnumerable<int> DeliveredReports() => Enumerable.Range(0, Reports).Where(r => QueueStates[r % 4] == "completed");

    public IEnumerable<object?[]> EmailLog()
    {
        foreach (var r in DeliveredReports())
        {
            var k = r * 2;
            var sent = ClaimCreated(k).AddHours(3);
            yield return [$"stg-email-{r:D7}", $"stg-report-{r:D7}", ClaimId(k), OrgId(k), $"client{k}@staging.example.test", $"Client {k}",
                $"Your claim report for STG-{k:D7}", $"stg-resend-{r:D7}", r % 8 == 2 ? "opened" : "delivered",
                r % 8 == 2 ? sent.AddHours(1) : null, null, null, $"{{\"reportId\": \"stg-report-{r:D7}\"}}", sent, sent];
        }
    }

    public IEnumerable<object?[]> EmailQueue()
    {
        foreach (var r in DeliveredReports())
        {
            var k = r * 2;
            var sent = ClaimCreated(k).AddHours(3);
            yield return [$"stg-mail-{r:D7}", OrgId(k), $"client{k}@staging.example.test", $"Your claim report for STG-{k:D7}", "report-delivery",
                $"{{\"reportId\": \"stg-report-{r:D7}\", \"claimId\": \"{ClaimId(k)}\"}}", "sent", 1, null, sent, sent];
        }
    }

    public static long DocumentSize(int n) => 50_000 + (n * 7_919L % 4_000_000);

    public IEnumerable<object?[]> ClaimDocuments()
    {
        for (var n = 0; n < Documents; n++)
        {
            var k = n % Claims;
            yield return [$"stg-doc-{n:D8}", ClaimId(k), $"document-{n}.pdf", $"claims/{ClaimId(k)}/document-{n}.pdf", "application/pdf",
                DocumentSize(n), UserId(k), ClaimCreated(k).AddHours(4 + n / Claims)];
        }
    }

    public static long UploadSize(int o, int kind) => kind == 0 ? 20_000 + o * 13L : 150_000 + o * 17L;

    public IEnumerable<object?[]> BrandingUploads()
    {
        for (var o = 0; o < Organisations; o++)
        {
            yield return [$"stg-brand-{o:D4}-logo", OrgIdOf(o), "logo", $"logo-{o}.png", $"https://cdn.staging.example.test/{o}/logo.png", "image/png", UploadSize(o, 0), Start.AddDays(-20)];
            yield return [$"stg-brand-{o:D4}-letterhead", OrgIdOf(o), "letterhead", $"letterhead-{o}.pdf", $"https://cdn.staging.example.test/{o}/letterhead.pdf", "application/pdf", UploadSize(o, 1), Start.AddDays(-20)];
        }
    }

    public IEnumerable<object?[]> ContractorAssignments()
    {
        for (var k = 0; k < Claims; k++)
        {
            if (HasContractor(k))
            {
                yield return [$"stg-cc-{k:D7}", ClaimId(k), CompanyId(k), Role(k), Completed(k) ? "completed" : Accepted(k) ? "accepted" : "assigned",
                    EventAt(k, 1), Accepted(k) ? EventAt(k, 2) : null, Completed(k) ? EventAt(k, 3) : null, null];
            }
        }
    }

    /// <summary>Per organisation, the bytes and files of its uploads and its claims' documents (as the storage_usage backfill counts them).</summary>
    public IEnumerable<object?[]> StorageUsage(bool withDocuments)
    {
        var bytes = new long[Organisations];
        var files = new int[Organisations];
        for (var o = 0; o < Organisations; o++)
        {
            bytes[o] = UploadSize(o, 0) + UploadSize(o, 1);
            files[o] = 2;
        }

        for (var n = 0; withDocuments && n < Documents; n++)
        {
            var o = n % Claims % Organisations;
            bytes[o] += DocumentSize(n);
            files[o]++;
        }

        for (var o = 0; o < Organisations; o++)
        {
            yield return [$"stg-storage-{o:D4}", OrgIdOf(o), bytes[o], files[o], Start.AddDays(30)];
        }
    }
}
