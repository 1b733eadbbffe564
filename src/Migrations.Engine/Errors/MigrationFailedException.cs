namespace Migrations.Engine;

/// <summary>
/// A migration failed and was rolled back. The message is the one line a pipeline shows: the
/// database, the migration, the statement and the provider's message.
/// </summary>
public sealed class MigrationFailedException(string database, string migration, string? statement, string cause, Exception inner)
    : MigrationException(Format(database, migration, statement, cause), inner)
{
    public string Database { get; } = database;

    public string Migration { get; } = migration;

    public string? Statement { get; } = statement;

    public string Cause { get; } = cause;

    private static string Format(string database, string migration, string? statement, string cause)
    {
        var shown = statement is null ? "" : $" in statement [{OneLine(statement)}]";
        return $"{database}: migration {migration} failed{shown}: {OneLine(cause)}";
    }

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return flat.Length > 400 ? flat[..400] + "..." : flat;
    }
}
