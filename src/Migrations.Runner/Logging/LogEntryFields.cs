using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Migrations.Runner.Logging;

/// <summary>One log entry as both formatters read it: its rendered message and its named values.</summary>
internal readonly record struct LogEntryFields(string Message, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    private const string OriginalFormat = "{OriginalFormat}";

    public static LogEntryFields Of<TState>(in LogEntry<TState> entry, SecretMasker masker)
    {
        var message = masker.Mask(entry.Formatter(entry.State, entry.Exception) ?? "");
        var values = entry.State is IReadOnlyList<KeyValuePair<string, object?>> pairs
            ? pairs.Where(p => p.Key != OriginalFormat).ToArray()
            : [];
        return new LogEntryFields(message, values);
    }

    public object? this[string name] => Values.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>The database the entry is about, and the message without its "database: " prefix.</summary>
    public (string? Database, string Text) SplitDatabase()
    {
        if (this["Database"] is string database && Message.StartsWith(database + ": ", StringComparison.Ordinal))
        {
            return (database, Message[(database.Length + 2)..]);
        }

        return (null, Message);
    }
}
