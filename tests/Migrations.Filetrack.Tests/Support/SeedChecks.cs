using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Migrations.Testing;

namespace Migrations.Filetrack.Tests.Support;

/// <summary>Row counts, reference checks and a content checksum over every filetrack table that exists.</summary>
internal static class SeedChecks
{
    public static long Count(TestDatabase db, string table, string where = "1 = 1") =>
        db.Count($"SELECT count(*) FROM {TestDatabase.Q(table)} WHERE {where}");

    public static IReadOnlyList<string> ExistingTables(TestDatabase db) =>
        SchemaSnapshot.Tables(db).Where(FiletrackDatabase.Tables.Contains).ToArray();

    /// <summary>Every row count, by table.</summary>
    public static IReadOnlyDictionary<string, long> Counts(TestDatabase db) =>
        ExistingTables(db).ToDictionary(t => t, t => Count(db, t), StringComparer.Ordinal);

    /// <summary>References to rows that do not exist, one line per foreign key that has any ("table.column: n").</summary>
    public static IReadOnlyList<string> DanglingReferences(TestDatabase db)
    {
        var tables = ExistingTables(db).ToHashSet(StringComparer.Ordinal);
        return FiletrackDatabase.ForeignKeys
            .Where(fk => tables.Contains(fk.Table) && tables.Contains(fk.References))
            .Select(fk => (fk, n: db.Count($"""
                SELECT count(*) FROM {TestDatabase.Q(fk.Table)} c WHERE c.{TestDatabase.Q(fk.Column)} IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM {TestDatabase.Q(fk.References)} p WHERE p."id" = c.{TestDatabase.Q(fk.Column)})
                """)))
            .Where(x => x.n > 0)
            .Select(x => $"{x.fk.Table}.{x.fk.Column}: {x.n}")
            .ToArray();
    }

    /// <summary>SQLite's own verdict on the foreign keys (empty when every reference holds); nothing on PostgreSQL, which enforces them on insert.</summary>
    public static IReadOnlyList<string> ForeignKeyCheck(TestDatabase db) =>
        db.Provider == Provider.Sqlite
            ? db.Query("PRAGMA foreign_key_check").Select(r => string.Join("|", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).ToArray()
            : [];

    /// <summary>A hash of every value of every row of every table, rows in key order: equal checksums, equal contents.</summary>
    public static string Checksum(TestDatabase db)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in ExistingTables(db).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"#{table}\n"));
            // PostgreSQL: each row as its text form (enums and arrays included); SQLite: every column as stored.
            var sql = db.Provider == Provider.Postgres
                ? $"SELECT CAST(t AS TEXT) FROM {TestDatabase.Q(table)} t ORDER BY t.\"id\""
                : $"SELECT * FROM {TestDatabase.Q(table)} ORDER BY \"id\"";
            foreach (var row in db.Query(sql))
            {
                var line = string.Join("|", row.Select(Format)) + "\n";
                hash.AppendData(Encoding.UTF8.GetBytes(line));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string Format(object? value) => value switch
    {
        null or DBNull => "<null>",
        Array array => "[" + string.Join(",", array.Cast<object?>().Select(Format)) + "]",
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset offset => offset.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
