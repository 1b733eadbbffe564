using System.Globalization;

namespace Migrations.Testing;

/// <summary>
/// Every row of every user table (the journal left out), each written as one line of text and
/// sorted, so two states of a database's data can be compared exactly: same tables, same rows,
/// same values. PostgreSQL writes each row as its record text (enums and arrays included); SQLite
/// writes every column as stored.
/// </summary>
public static class RowSnapshot
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Take(TestDatabase database) =>
        SchemaSnapshot.Tables(database).ToDictionary(t => t, t => Rows(database, t), StringComparer.Ordinal);

    private static IReadOnlyList<string> Rows(TestDatabase db, string table)
    {
        var rows = db.Provider == Provider.Postgres
            ? db.Query($"SELECT CAST(t AS TEXT) FROM {TestDatabase.Q(table)} t").Select(r => (string)r[0]!)
            : db.Query($"SELECT * FROM {TestDatabase.Q(table)}").Select(r => string.Join("|", r.Select(Text)));
        return rows.Order(StringComparer.Ordinal).ToArray();
    }

    private static string Text(object? value) => value switch
    {
        null => "<null>",
        byte[] bytes => "x'" + Convert.ToHexString(bytes) + "'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "<null>",
    };
}
