using System.Data.Common;

namespace Migrations.Engine.D1;

/// <summary>
/// <c>Database=&lt;name or binding&gt;;Config=&lt;wrangler.toml|jsonc&gt;;Mode=local|remote[;Wrangler=&lt;exe&gt;]</c>.
/// It holds no secret: wrangler reads its API token from its own environment variables.
/// </summary>
public sealed record D1ConnectionString(string Database, string Config, bool Remote, string? Wrangler)
{
    private static readonly string[] Keys = ["Database", "Config", "Mode", "Wrangler"];

    /// <summary>
    /// False for the SQLite connection strings the d1 provider makes itself (the working copy, a
    /// shadow, a script's copy): everything else given to it is a D1 string, or a malformed one.
    /// </summary>
    public static bool IsD1(string connectionString) =>
        !connectionString.Contains("Data Source", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason when malformed.</summary>
    public static D1ConnectionString Parse(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            throw Malformed("it is not a list of Key=value pairs");
        }

        foreach (string key in builder.Keys)
        {
            if (!Keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw Malformed($"unknown key '{key}'");
            }
        }

        var database = Value(builder, "Database") ?? throw Malformed("Database= is missing");
        var config = Value(builder, "Config") ?? throw Malformed("Config= is missing");
        var mode = Value(builder, "Mode") ?? throw Malformed("Mode= is missing (local or remote)");
        var remote = mode.ToLowerInvariant() switch
        {
            "local" => false,
            "remote" => true,
            _ => throw Malformed($"Mode={mode}: use local or remote"),
        };
        return new D1ConnectionString(database, Path.GetFullPath(config), remote, Value(builder, "Wrangler"));
    }

    /// <summary>wrangler's flag for where the database lives.</summary>
    public string ModeFlag => Remote ? "--remote" : "--local";

    public override string ToString() =>
        $"Database={Database};Config={Config};Mode={(Remote ? "remote" : "local")}{(Wrangler is null ? "" : $";Wrangler={Wrangler}")}";

    private static string? Value(DbConnectionStringBuilder builder, string key) =>
        builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static ArgumentException Malformed(string why) =>
        new($"the D1 connection string is malformed ({why}); expected Database=<name or binding>;Config=<wrangler.toml>;Mode=local|remote[;Wrangler=<exe>]");
}
