using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Migrations.Runner.Logging;

/// <summary>
/// One JSON log line with the fields every line has, in a fixed order: written by the JSON
/// formatter for log entries, and directly for the run's last lines (its error and exit code).
/// </summary>
public static class JsonLogLine
{
    /// <summary>This process's run: every line of one invocation carries it.</summary>
    public static string RunId { get; } = Guid.NewGuid().ToString("N")[..12];

    // Plain '+' and quotes: a log line is read by people too, and is never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(LogLevel level, EventId eventId, string category, string message, Action<Utf8JsonWriter>? extra = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            writer.WriteString("level", Level(level));
            writer.WriteString("event", eventId.Name ?? "log");
            writer.WriteNumber("eventId", eventId.Id);
            writer.WriteString("runId", RunId);
            writer.WriteString("category", category);
            writer.WriteString("message", message);
            extra?.Invoke(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };
}
