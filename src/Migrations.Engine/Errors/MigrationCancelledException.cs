namespace Migrations.Engine;

/// <summary>
/// The run was cancelled (Ctrl+C, SIGTERM) while a migration ran. The message is the one line a
/// pipeline shows: the database, the migration, and what happened to it: rolled back with its
/// transaction, or, for a migration without one (<c>TransactionBehavior.None</c>), which of its
/// statements stayed applied. An <see cref="OperationCanceledException"/>, so whatever stops on
/// cancellation stops on it.
/// </summary>
public sealed class MigrationCancelledException(string database, string migration, IReadOnlyList<string>? stayedApplied, Exception inner, CancellationToken cancellationToken)
    : OperationCanceledException(Format(database, migration, stayedApplied), inner, cancellationToken)
{
    private const int ShownStatementLength = 80;

    private static string Format(string database, string migration, IReadOnlyList<string>? stayedApplied) => stayedApplied switch
    {
        null => $"{database}: migration {migration} was cancelled and rolled back; the database is at the last completed version",
        [] => $"{database}: migration {migration} was cancelled; it ran without a transaction and no statement of it had finished, so nothing of it stayed applied, and it is not in the journal",
        _ => $"{database}: migration {migration} was cancelled; it ran without a transaction, so nothing of it could be undone: {stayedApplied.Count} statement(s) " +
             $"before the cancelled one stayed applied ({string.Join("; ", stayedApplied.Select(Shorten))}) and it is not in the journal. " +
             "Undo those statements by hand, or make them re-runnable (IF NOT EXISTS), then run migrate again",
    };

    private static string Shorten(string statement)
    {
        var flat = string.Join(' ', statement.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return flat.Length > ShownStatementLength ? flat[..ShownStatementLength] + "..." : flat;
    }
}
