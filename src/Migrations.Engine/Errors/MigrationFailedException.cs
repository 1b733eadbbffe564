namespace Migrations.Engine;

/// <summary>
/// A migration failed. The message is the one line a pipeline shows: the database, the migration,
/// the statement and the provider's message; and, for a migration that ran without a transaction,
/// that nothing was rolled back and which of its statements stayed applied.
/// </summary>
public sealed class MigrationFailedException(string database, string migration, string? statement, string cause, Exception inner)
    : MigrationException(Format(database, migration, statement, cause), inner)
{
    private const int ShownStatementLength = 80;

    public string Database { get; } = database;

    public string Migration { get; } = migration;

    public string? Statement { get; } = statement;

    public string Cause { get; } = cause;

    /// <summary>
    /// For a migration without a transaction (<c>TransactionBehavior.None</c>): the statements that
    /// succeeded before the failing one, which stayed applied; null for a transactional migration,
    /// whose statements were all rolled back.
    /// </summary>
    public IReadOnlyList<string>? StayedApplied { get; init; }

    public override string Message => StayedApplied is not { } stayed
        ? base.Message
        : base.Message + " " + (stayed.Count == 0
            ? "It ran without a transaction; no statement of it had succeeded, so nothing of it stayed applied, and it is not in the journal: fix it and run migrate again."
            : $"It ran without a transaction, so nothing was rolled back: {stayed.Count} statement(s) before the failing one stayed applied " +
              $"({string.Join("; ", stayed.Select(Shorten))}) and it is not in the journal. " +
              "Undo those statements by hand, or make them re-runnable (IF NOT EXISTS), then run migrate again (see the README: a migration without a transaction).");

    private static string Format(string database, string migration, string? statement, string cause)
    {
        var shown = statement is null ? "" : $" in statement [{OneLine(statement)}]";
        return $"{database}: migration {migration} failed{shown}: {CauseLine(cause)}";
    }

    private static string Shorten(string statement)
    {
        var flat = OneLine(statement).TrimEnd().TrimEnd(';');
        return flat.Length > ShownStatementLength ? flat[..ShownStatementLength] + "..." : flat;
    }

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return flat.Length > 400 ? flat[..400] + "..." : flat;
    }

    // A long cause (a list of rows) loses its middle, never its end: what to do about it is said last.
    private static string CauseLine(string cause)
    {
        const int longest = 1000, keptEnd = 400;
        var flat = string.Join(' ', cause.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return flat.Length > longest ? flat[..(longest - keptEnd)] + " ... " + flat[^keptEnd..] : flat;
    }
}
