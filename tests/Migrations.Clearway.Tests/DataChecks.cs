using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

/// <summary>Checks over the data of every clearway table: constraints re-verified, row counts, a content checksum.</summary>
public static class DataChecks
{
    /// <summary>
    /// Every foreign key has its parent row and every CHECK holds, verified against the stored rows
    /// (not only trusted from insert time): on SQLite <c>PRAGMA foreign_key_check</c> and
    /// <c>PRAGMA integrity_check</c> (which includes CHECK and NOT NULL); on PostgreSQL each foreign
    /// key and each CHECK of the public schema is turned into a query counting the rows that break it.
    /// </summary>
    public static void AssertEveryConstraintHolds(TestDatabase db)
    {
        if (db.Provider == Provider.Sqlite)
        {
            Assert.That(db.Query("PRAGMA foreign_key_check"), Is.Empty, "PRAGMA foreign_key_check");
            Assert.That(db.Query("PRAGMA integrity_check").Select(r => (string)r[0]!), Is.EqualTo(new[] { "ok" }), "PRAGMA integrity_check");
            return;
        }

        var foreignKeys = db.Query("""
            SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
                   (SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att),
                   (SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(att, n) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.att)
            FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
            WHERE c.contype = 'f' AND ns.nspname = 'public'
            """);
        Assert.That(foreignKeys, Is.Not.Empty);
        foreach (var fk in foreignKeys)
        {
            var (child, parent) = ((string)fk[1]!, (string)fk[2]!);
            var childColumns = ((string)fk[3]!).Split(',');
            var parentColumns = ((string)fk[4]!).Split(',');
            var join = string.Join(" AND ", childColumns.Select((c, i) => $"p.{parentColumns[i]} = c.{c}"));
            var notNull = string.Join(" AND ", childColumns.Select(c => $"c.{c} IS NOT NULL"));
            var orphans = db.Count($"SELECT count(*) FROM {child} c WHERE {notNull} AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {join})");
            Assert.That(orphans, Is.Zero, $"rows of {child} breaking foreign key {fk[0]}");
        }

        foreach (var check in db.Query("""
            SELECT c.conname, c.conrelid::regclass::text, pg_get_expr(c.conbin, c.conrelid)
            FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
            WHERE c.contype = 'c' AND ns.nspname = 'public'
            """))
        {
            Assert.That(db.Count($"SELECT count(*) FROM {check[1]} WHERE NOT ({check[2]})"), Is.Zero, $"rows of {check[1]} breaking CHECK {check[0]}");
        }
    }

    /// <summary>Row count of every application table, by name.</summary>
    public static IReadOnlyDictionary<string, long> Counts(TestDatabase db) =>
        SchemaSnapshot.Tables(db).ToDictionary(t => t, t => db.Count($"SELECT count(*) FROM {TestDatabase.Q(t)}"), StringComparer.Ordinal);

    /// <summary>A SHA-256 over every row of every application table, each table read in id order.</summary>
    public static string Checksum(TestDatabase db)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in SchemaSnapshot.Tables(db).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"#{table}\n"));
            // PostgreSQL: each row as its text form (enum columns cannot be read as CLR values).
            var sql = db.Provider == Provider.Postgres
                ? $"SELECT CAST(t AS text) FROM {TestDatabase.Q(table)} AS t ORDER BY t.\"id\""
                : $"SELECT * FROM {TestDatabase.Q(table)} ORDER BY \"id\"";
            foreach (var row in db.Query(sql))
            {
                var line = string.Join("|", row.Select(v => v switch
                {
                    null => "∅",
                    DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => v.ToString(),
                }));
                hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
