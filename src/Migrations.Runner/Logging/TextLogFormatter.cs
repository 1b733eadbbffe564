using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Migrations.Engine.Logging;

namespace Migrations.Runner.Logging;

/// <summary>
/// Text logs for people: the UTC time, the database in a column of its own, and for each step
/// its action, version and duration aligned before the description (which may be long), with
/// warnings and errors marked. No category, no event id: those are in the JSON logs.
/// </summary>
public sealed class TextLogFormatter(SecretMasker masker) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "migrations-text";

    // The five databases' names fit; a longer one (a fixture) only pushes its own line right.
    private const int DatabaseWidth = 10;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var fields = LogEntryFields.Of(logEntry, masker);
        var (database, text) = fields.SplitDatabase();
        var line = new System.Text.StringBuilder();
        line.Append(DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append("  ");
        line.Append((database ?? "").PadRight(DatabaseWidth)).Append(' ');
        line.Append(logEntry.LogLevel switch
        {
            LogLevel.Warning => "warning: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            _ => "",
        });
        line.Append(Step(logEntry.EventId, fields) ?? text);
        if (logEntry.Exception is { } exception && logEntry.LogLevel >= LogLevel.Error)
        {
            line.Append(" (").Append(masker.Mask(exception.Message.ReplaceLineEndings(" "))).Append(')');
        }

        textWriter.WriteLine(line.ToString().TrimEnd());
    }

    /// <summary>A step's line: action, version and duration in columns, then the description.</summary>
    private static string? Step(EventId eventId, LogEntryFields fields)
    {
        var action = eventId.Id switch
        {
            var id when id == LogEvents.MigrationApplied.Id => "applied",
            var id when id == LogEvents.MigrationRolledBack.Id => "rolled back",
            var id when id == LogEvents.MigrationPreviewed.Id => fields["Direction"] is "apply" ? "would apply" : "would roll back",
            var id when id == LogEvents.MigrationSkipped.Id => "skipped",
            _ => null,
        };
        if (action is null)
        {
            return null;
        }

        var duration = fields["DurationMs"] is { } ms ? string.Create(CultureInfo.InvariantCulture, $"{ms} ms") : "";
        var detail = eventId.Id == LogEvents.MigrationSkipped.Id
            ? $": for [{Join(fields["MigrationTags"])}], this run is [{Join(fields["RunTags"])}]"
            : eventId.Id == LogEvents.MigrationPreviewed.Id ? " (preview, nothing changed)" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{action,-15} {fields["Version"],12} {duration,9}  {fields["Description"]}{detail}");
    }

    private static string Join(object? values) => values is IEnumerable<string> list ? string.Join(", ", list) : values?.ToString() ?? "";
}
