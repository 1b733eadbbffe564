using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Migrations.Testing;

namespace Migrations.Workspace.Tests;

/// <summary>Checks the seeds share: every table's rows as a checksum, and every constraint holding.</summary>
public static class SeedAssertions
{
    /// <summary>Every user table (not the journal) that exists, by name.</summary>
    public static IReadOnlyList<string> Tables(TestDatabase db) =>
        (db.Provider == Provider.Postgres
            ? db.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
            : db.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'VersionInfo'"))
        .Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A SHA-256 over every table's name, row count and rows, ordered by key.</summary>
    public static string Checksum(TestDatabase db)
    {
        var text = new StringBuilder();
        foreach (var table in Tables(db))
        {
            var rows = db.Query($"SELECT * FROM {TestDatabase.Q(table)} ORDER BY 1");
            text.Append(table).Append(':').Append(rows.Count).Append('\n');
            foreach (var row in rows)
            {
                text.AppendJoin('|', row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "NULL")).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Every foreign key points at a row and every CHECK holds: SQLite's foreign_key_check (its
    /// CHECKs are enforced on every write); on PostgreSQL every constraint is validated on write,
    /// and none is left NOT VALID.
    /// </summary>
    public static void AssertConstraintsHold(TestDatabase db)
    {
        if (db.Provider == Provider.Sqlite)
        {
            var violations = db.Query("PRAGMA foreign_key_check");
            Assert.That(violations.Select(v => $"{v[0]} row {v[1]} -> {v[2]}"), Is.Empty, "PRAGMA foreign_key_check");
            Assert.That(db.Scalar("PRAGMA integrity_check"), Is.EqualTo("ok"));
        }
        else
        {
            Assert.That(db.Count("SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND NOT c.convalidated"), Is.Zero,
                "no constraint is left NOT VALID");
        }
    }
}
