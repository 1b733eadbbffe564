using System.Text.RegularExpressions;

namespace Migrations.Runner.Scaffolding;

/// <summary>
/// Where and how one database keeps its migrations, as its existing files do: the folder, the
/// namespace, the version scheme, and how a class, its file and its description are named.
/// </summary>
public sealed partial record DatabaseLayout(string Database, string Project, string Namespace, VersionScheme Scheme, bool WorkspaceNames)
{
    public static IReadOnlyList<DatabaseLayout> All { get; } =
    [
        new("claims", "Migrations.Claims", "Migrations.Claims.Migrations", new VersionScheme.Sequence(202601010001), false),
        new("clearway", "Migrations.Clearway", "Migrations.Clearway", new VersionScheme.Clock("yyyyMMdd", 2, 1), false),
        new("filetrack", "Migrations.Filetrack", "Migrations.Filetrack.Migrations", new VersionScheme.Clock("yyyyMMddHHmmss", 0, 0), false),
        new("junkquote", "Migrations.Junkquote", "Migrations.Junkquote.Migrations", new VersionScheme.Clock("yyyyMMdd", 4, 0), false),
        // Workspace's classes and descriptions carry wrangler's file names: M0029_AddWidgets, "0029_add_widgets".
        new("workspace", "Migrations.Workspace", "Migrations.Workspace", new VersionScheme.Sequence(1), true),
    ];

    public static DatabaseLayout? Find(string database) =>
        All.SingleOrDefault(l => l.Database.Equals(database, StringComparison.OrdinalIgnoreCase));

    /// <summary>The folder in a repository checkout that holds this database's migrations.</summary>
    public string FolderIn(string repositoryRoot) => Path.Combine(repositoryRoot, "src", Project, "Migrations");

    public string ClassName(string name, long version) => WorkspaceNames ? $"M{version:0000}_{name}" : name;

    /// <summary>True when an existing class is the one <paramref name="name"/> would make (workspace's carry a version prefix).</summary>
    public bool Collides(string existingClass, string name) =>
        existingClass == name || (WorkspaceNames && WorkspacePrefix().Replace(existingClass, "") == name);

    /// <summary>The migration's description: workspace's and filetrack's start with the seed's file-name style, the others are free text.</summary>
    public string Description(string name, long version, string? description)
    {
        var snake = SnakeCase(name);
        var label = Database switch
        {
            "workspace" => $"{version:0000}_{snake}",
            "filetrack" => $"{version}_{snake}",
            "clearway" => snake,
            _ => null,
        };
        return (label, description) switch
        {
            (null, null) => name,
            (null, { } text) => text,
            ({ } l, null) => l,
            ({ } l, { } text) when WorkspaceNames => $"{l} ({text})",
            ({ } l, { } text) => $"{l}: {text}",
        };
    }

    private static string SnakeCase(string name) => WordStart().Replace(name, "_").ToLowerInvariant();

    // AddNpsSubmissions -> add_nps_submissions, SyncHTTPLog -> sync_http_log.
    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordStart();

    [GeneratedRegex(@"^M\d+_")]
    private static partial Regex WorkspacePrefix();
}
