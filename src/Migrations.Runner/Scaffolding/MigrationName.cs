using System.Text.RegularExpressions;

namespace Migrations.Runner.Scaffolding;

/// <summary>
/// The name given to <c>new</c>, as a class name: PascalCase as it is (<c>AddWidgets</c>), or words
/// joined into it (<c>add_widgets</c>, <c>add-widgets</c>, <c>"add widgets"</c>); and back as the
/// snake_case words of a file name (<c>add_widgets</c>), which workspace, filetrack and clearway
/// put in their descriptions.
/// </summary>
public static partial class MigrationName
{
    // A class of one of these names would hide the base class or a namespace the migrations use.
    private static readonly string[] Reserved = ["Migration", "Migrations", "AutoReversingMigration", "ForwardOnlyMigration", "FluentMigrator", "System"];

    /// <summary>The class name, or a <see cref="UsageException"/> saying why <paramref name="given"/> cannot be one.</summary>
    public static string ClassName(string given)
    {
        var words = Separator().Split(given.Trim()).Where(w => w.Length > 0).ToArray();
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        if (!Identifier().IsMatch(name))
        {
            throw new UsageException($"--name: '{given}' cannot be a class name: use letters and digits, starting with a letter (AddWidgets or add_widgets)");
        }

        return Reserved.Contains(name, StringComparer.Ordinal)
            ? throw new UsageException($"--name: '{name}' would hide {name} of the migrations' own code; choose another name")
            : name;
    }

    /// <summary>AddNpsSubmissions -> add_nps_submissions, SyncHTTPLog -> sync_http_log.</summary>
    public static string SnakeCase(string className) => WordStart().Replace(className, "_").ToLowerInvariant();

    /// <summary>AddNpsSubmissions -> "Add nps submissions": a description for databases whose descriptions are prose.</summary>
    public static string Words(string className)
    {
        var words = SnakeCase(className).Replace('_', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex(@"[\s_\-]+")]
    private static partial Regex Separator();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordStart();
}
