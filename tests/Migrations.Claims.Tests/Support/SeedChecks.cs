using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Migrations.Testing;

namespace Migrations.Claims.Tests.Support;

/// <summary>What every seeded claims database must satisfy, and a content fingerprint to compare two seedings.</summary>
public static class SeedChecks
{
    /// <summary>Every table the seeds write, parents first.</summary>
    public static readonly string[] Tables =
    [
        "claims", "tradesCompany", "ClientProConnection", "ai_reports", "ClaimTimelineEvent", "PortalLink", "claim_events",
        "email_queue", "branding_uploads", "claim_documents", "email_log", "ClaimContractor", "storage_usage", "report_queue",
    ];

    public static IReadOnlyList<string> ExistingTables(TestDatabase db)
    {
        var present = SchemaSnapshot.Tables(db).ToHashSet(StringComparer.Ordinal);
        return Tables.Where(present.Contains).ToArray();
    }

    /// <summary>Rows per existing table.</summary>
    public static IReadOnlyDictionary<string, long> Counts(TestDatabase db) =>
        ExistingTables(db).ToDictionary(t => t, t => db.Count($"SELECT count(*) FROM \"{t}\""));

    /// <summary>
    /// A SHA-256 over every row of every existing table, rows in id order, every column. Backfilled
    /// rows carry random ids, so a table whose rows a backfill can make is read without its id
    /// (and storage_usage without lastSync, the moment of the backfill) when <paramref name="withoutBackfillIds"/>.
    /// </summary>
    public static string Checksum(TestDatabase db, bool withoutBackfillIds = false)
    {
        var text = new StringBuilder();
        foreach (var table in ExistingTables(db))
        {
            var rows = db.Query($"SELECT * FROM \"{table}\"").Select(r => Line(table, r, withoutBackfillIds)).Order(StringComparer.Ordinal);
            text.Append(table).Append('\n');
            foreach (var row in rows)
            {
                text.Append(row).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Line(string table, object?[] row, bool withoutBackfillIds)
    {
        var values = row.Select(Format).ToList();
        if (withoutBackfillIds && table is "ClaimContractor" or "storage_usage")
        {
            values.RemoveAt(0);
            if (table == "storage_usage")
            {
                values.RemoveAt(values.Count - 1);
            }
        }

        return string.Join(" | ", values);
    }

    private static string Format(object? value) => value switch
    {
        null or DBNull => "∅",
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        bool flag => flag ? "1" : "0",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    /// <summary>
    /// The database's own constraints held when the rows went in; this checks what they cannot:
    /// SQLite's foreign_key_check, references the models keep by id only, organisations that agree
    /// with their claim's, contractor events that name real companies, assignments backed by an
    /// event, and storage usage that adds up to the files.
    /// </summary>
    public static void AssertConsistent(TestDatabase db)
    {
        if (db.Provider == Provider.Sqlite)
        {
            Assert.That(db.Query("PRAGMA foreign_key_check"), Is.Empty, "PRAGMA foreign_key_check");
            Assert.That(db.Scalar("PRAGMA integrity_check"), Is.EqualTo("ok"), "PRAGMA integrity_check");
        }
        else
        {
            Assert.That(db.Count("SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND NOT c.convalidated"), Is.Zero);
        }

        var tables = ExistingTables(db).ToHashSet(StringComparer.Ordinal);
        var json = db.Provider == Provider.Postgres ? "(e.\"data\" ->> 'companyId')" : "json_extract(e.\"data\", '$.companyId')";
        var uuidText = db.Provider == Provider.Postgres ? "t.\"id\"::text" : "lower(t.\"id\")";
        var checks = new List<(string Table, string Because, string Sql)>
        {
            ("claim_events", "every event's organisation is its claim's", "SELECT count(*) FROM \"claim_events\" e JOIN \"claims\" c ON c.\"id\" = e.\"claimId\" WHERE e.\"orgId\" <> c.\"orgId\""),
            ("claim_events", "every contractor event names a trades company", $"SELECT count(*) FROM \"claim_events\" e WHERE e.\"type\" LIKE 'contractor_%' AND NOT EXISTS (SELECT 1 FROM \"tradesCompany\" t WHERE {uuidText} = {json})"),
            ("ai_reports", "every report's organisation is its claim's", "SELECT count(*) FROM \"ai_reports\" a JOIN \"claims\" c ON c.\"id\" = a.\"claimId\" WHERE a.\"orgId\" <> c.\"orgId\""),
            ("email_log", "every e-mail names a real claim", "SELECT count(*) FROM \"email_log\" e WHERE e.\"claimId\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"claims\" c WHERE c.\"id\" = e.\"claimId\")"),
            ("email_log", "every e-mail names a real report of its claim", "SELECT count(*) FROM \"email_log\" e WHERE e.\"reportId\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"ai_reports\" a WHERE a.\"id\" = e.\"reportId\" AND a.\"claimId\" = e.\"claimId\" AND a.\"orgId\" = e.\"orgId\")"),
            ("report_queue", "every queue entry names a real report of its claim", "SELECT count(*) FROM \"report_queue\" q WHERE NOT EXISTS (SELECT 1 FROM \"ai_reports\" a WHERE a.\"id\" = q.\"reportId\" AND a.\"claimId\" = q.\"claimId\" AND a.\"orgId\" = q.\"orgId\" AND a.\"status\" = q.\"status\")"),
            ("ClaimContractor", "every assignment has its contractor_assigned event", $"SELECT count(*) FROM \"ClaimContractor\" t WHERE NOT EXISTS (SELECT 1 FROM \"claim_events\" e WHERE e.\"claimId\" = t.\"claimId\" AND e.\"type\" = 'contractor_assigned' AND {json} = {uuidText.Replace("\"id\"", "\"companyId\"", StringComparison.Ordinal)})"),
            ("storage_usage", "storage usage adds up to each organisation's files", """
                SELECT count(*) FROM "storage_usage" s LEFT JOIN (
                    SELECT org_id, SUM(size_bytes) AS used, COUNT(*) AS files FROM (
                        SELECT b."orgId" AS org_id, b."sizeBytes" AS size_bytes FROM "branding_uploads" b
                        UNION ALL SELECT c."orgId", d."sizeBytes" FROM "claim_documents" d JOIN "claims" c ON c."id" = d."claimId") f
                    GROUP BY org_id) x ON x.org_id = s."orgId"
                WHERE x.org_id IS NULL OR x.used <> s."usedBytes" OR x.files <> s."fileCount"
                """),
        };

        Assert.Multiple(() =>
        {
            foreach (var (table, because, sql) in checks.Where(c => tables.Contains(c.Table)))
            {
                Assert.That(db.Count(sql), Is.Zero, because);
            }
        });
    }
}
