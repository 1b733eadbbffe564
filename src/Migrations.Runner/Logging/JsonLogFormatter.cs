using System.Collections;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Migrations.Runner.Logging;

/// <summary>
/// JSON logs for machines, one object per line (fields in docs/logging.md): the UTC time with its
/// offset, level, the event's stable name and id, the run id, the message, and every value the
/// entry carries under its own camel-cased name (numbers as numbers, lists as arrays).
/// </summary>
public sealed class JsonLogFormatter(SecretMasker masker) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "migrations-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var fields = LogEntryFields.Of(logEntry, masker);
        var exception = logEntry.Exception;
        textWriter.WriteLine(JsonLogLine.Write(logEntry.LogLevel, logEntry.EventId, logEntry.Category, fields.Message, writer =>
        {
            foreach (var (key, value) in fields.Values)
            {
                writer.WritePropertyName(JsonNamingPolicy.CamelCase.ConvertName(key));
                WriteValue(writer, value);
            }

            if (exception is not null)
            {
                writer.WriteString("exception", masker.Mask($"{exception.GetType().Name}: {exception.Message}".ReplaceLineEndings(" ")));
            }
        }));
    }

    private void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or uint or ulong:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case string text:
                writer.WriteStringValue(masker.Mask(text));
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(masker.Mask(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }
}
