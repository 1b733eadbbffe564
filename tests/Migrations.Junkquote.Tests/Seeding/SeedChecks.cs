using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Migrations.Testing;

namespace Migrations.Junkquote.Tests.Seeding;

/// <summary>Queries the seed tests share: row counts, a content checksum, and reference checks that mean the same on both providers.</summary>
public static class SeedChecks
{
    public static readonly string[] Tables =
    [
        "User", "Crew", "PricingRule", "Lead", "LeadPhoto", "Quote", "Job", "AuditLog",
        "Customer", "CustomerAddress", "Conversation", "Message", "MemoryNote", "JobItem", "JobEvent",
    ];

    /// <summary>Every foreign key of the final schema: child table, column, parent table.</summary>
    public static readonly (string Table, string Column, string Parent)[] References =
    [
        ("LeadPhoto", "leadId", "Lead"), ("Quote", "leadId", "Lead"),
        ("Job", "leadId", "Lead"), ("Job", "quoteId", "Quote"), ("Job", "crewId", "Crew"), ("Job", "customer_id", "Customer"),
        ("AuditLog", "leadId", "Lead"), ("AuditLog", "jobId", "Job"), ("Lead", "customer_id", "Customer"),
        ("CustomerAddress", "customer_id", "Customer"), ("Conversation", "customer_id", "Customer"), ("Conversation", "lead_id", "Lead"),
        ("Message", "conversation_id", "Conversation"), ("MemoryNote", "customer_id", "Customer"),
        ("JobItem", "job_id", "Job"), ("JobEvent", "job_id", "Job"),
    ];

    public static bool TableExists(TestDatabase db, string table) => db.Provider == Provider.Postgres
        ? db.Count($"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '{table}'") == 1
        : db.Count($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'") == 1;

    public static bool ColumnExists(TestDatabase db, string table, string column) => db.Provider == Provider.Postgres
        ? db.Count($"SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' AND column_name = '{column}'") == 1
        : db.Count($"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'") == 1;

    /// <summary>Row counts of the tables that exist.</summary>
    public static IReadOnlyDictionary<string, long> Counts(TestDatabase db) =>
        Tables.Where(t => TableExists(db, t)).ToDictionary(t => t, t => db.Count($"SELECT count(*) FROM \"{t}\""));

    public static long Count(TestDatabase db, string table) => db.Count($"SELECT count(*) FROM \"{table}\"");

    /// <summary>A hash over every row of every existing table, ordered by id: equal only when the content is.</summary>
    public static string Checksum(TestDatabase db)
    {
        var text = new StringBuilder();
        foreach (var table in Tables.Where(t => TableExists(db, t)))
        {
            text.Append('#').Append(table).Append('\n');
            // PostgreSQL: the row as its text (reads the MessageRole enum too); SQLite: every column.
            var sql = db.Provider == Provider.Postgres ? $"SELECT r::text FROM \"{table}\" r ORDER BY id" : $"SELECT * FROM \"{table}\" ORDER BY id";
            foreach (var row in db.Query(sql))
            {
                text.AppendJoin('|', row.Select(v => v switch
                {
                    null => "∅",
                    DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
                    _ => Convert.ToString(v, CultureInfo.InvariantCulture),
                })).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>References that point at no row, per foreign key (only keys whose tables and column exist).</summary>
    public static IReadOnlyList<string> DanglingReferences(TestDatabase db)
    {
        var problems = new List<string>();
        foreach (var (table, column, parent) in References)
        {
            if (!TableExists(db, table) || !TableExists(db, parent) || !ColumnExists(db, table, column))
            {
                continue;
            }

            var dangling = db.Count($"SELECT count(*) FROM \"{table}\" c WHERE c.\"{column}\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"{parent}\" p WHERE p.id = c.\"{column}\")");
            if (dangling > 0)
            {
                problems.Add($"{dangling} row(s) of {table}.{column} point at no {parent}");
            }
        }

        if (db.Provider == Provider.Sqlite)
        {
            problems.AddRange(db.Query("PRAGMA foreign_key_check").Select(r => $"foreign_key_check: row {r[1]} of {r[0]} -> {r[2]}"));
            problems.AddRange(db.Query("PRAGMA integrity_check").Select(r => (string)r[0]!).Where(r => r != "ok"));
        }
        else
        {
            problems.AddRange(db.Query("SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND NOT c.convalidated")
                .Select(r => $"constraint {r[0]} is not validated"));
        }

        return problems;
    }
}
