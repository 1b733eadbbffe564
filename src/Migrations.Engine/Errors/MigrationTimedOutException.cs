namespace Migrations.Engine;

/// <summary>
/// A migration's statement outlived the command timeout: the line names the database, the
/// migration, the limit and the statement, and says what stayed.
/// </summary>
public sealed class MigrationTimedOutException(string database, string migration, string? statement, int seconds, bool transactional, Exception inner)
    : MigrationException(Format(database, migration, statement, seconds, transactional), inner)
{
    public int Seconds { get; } = seconds;

    private static string Format(string database, string migration, string? statement, int seconds, bool transactional)
    {
        var shown = statement is null ? "" : $" in statement [{OneLine(statement)}]";
        var after = transactional
            ? "it was rolled back"
            : "it ran without a transaction: the statements before this one stayed applied";
        return $"{database}: migration {migration} timed out after {seconds} s{shown}; {after}. Raise Migrations:CommandTimeoutSeconds (0 = no limit) or the connection string's Command Timeout";
    }

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return flat.Length > 200 ? flat[..200] + "..." : flat;
    }
}
