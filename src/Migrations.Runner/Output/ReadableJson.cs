using System.Text.Encodings.Web;
using System.Text.Json;

namespace Migrations.Runner.Output;

/// <summary>The JSON of drift and baseline: indented, camel case, and SQL left readable.</summary>
public static class ReadableJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // Definitions are SQL full of quotes; escaping them as \u0022 would make the output unreadable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
