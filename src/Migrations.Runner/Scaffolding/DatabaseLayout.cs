using System.Globalization;

namespace Migrations.Runner.Scaffolding;

/// <summary>
/// Where and how one database keeps its migrations, as its existing files do: its project and
/// namespace, its version scheme, the class of version constants its attributes name (null:
/// the attribute holds the number), and how a class and its description are named.
/// The rules per database are in the README ("new").
/// </summary>
public sealed record DatabaseLayout(string Database, string Project, string Namespace, VersionScheme Scheme, string? VersionsClass, DescriptionStyle Style)
{
    public static IReadOnlyList<DatabaseLayout> All { get; } =
    [
        new("claims", "Migrations.Claims", "Migrations.Claims.Migrations", new VersionScheme.DatedCounter(4, 1), "ClaimsVersions", DescriptionStyle.Prose),
        new("filetrack", "Migrations.Filetrack", "Migrations.Filetrack.Migrations", new VersionScheme.Timestamp(), "FiletrackVersions", DescriptionStyle.VersionAndFileName),
        new("junkquote", "Migrations.Junkquote", "Migrations.Junkquote.Migrations", new VersionScheme.DatedCounter(4, 0), "JunkquoteVersions", DescriptionStyle.Prose),
        new("clearway", "Migrations.Clearway", "Migrations.Clearway", new VersionScheme.DatedCounter(2, 1), "ClearwayVersions", DescriptionStyle.FileName),
        new("workspace", "Migrations.Workspace", "Migrations.Workspace", new VersionScheme.Sequence(9999), null, DescriptionStyle.NumberedFileName),
    ];

    public static DatabaseLayout? Find(string database) =>
        All.SingleOrDefault(l => l.Database.Equals(database, StringComparison.OrdinalIgnoreCase));

    /// <summary>The project folder in a repository checkout (holding <c>Migrations/</c> and the versions class).</summary>
    public string ProjectIn(string repositoryRoot) => Path.Combine(repositoryRoot, "src", Project);

    /// <summary>Workspace's classes carry wrangler's file number: M0029_AddWidgets.</summary>
    public string ClassName(string name, long version) =>
        Style == DescriptionStyle.NumberedFileName ? $"M{version:0000}_{name}" : name;

    /// <summary>The name an existing class was given (workspace's without its M0029_ prefix), to find a second class of the same name.</summary>
    public string GivenName(string existingClass) =>
        Style == DescriptionStyle.NumberedFileName && existingClass.Length > 6 && existingClass[0] == 'M' && existingClass[5] == '_' && existingClass[1..5].All(char.IsAsciiDigit)
            ? existingClass[6..]
            : existingClass;

    /// <summary>The version as the constant's literal: junkquote groups its digits (2025_11_10_0000).</summary>
    public string Literal(long version)
    {
        var digits = version.ToString(CultureInfo.InvariantCulture);
        return Database == "junkquote" && digits.Length == 12 ? $"{digits[..4]}_{digits[4..6]}_{digits[6..8]}_{digits[8..]}" : digits;
    }

    /// <summary>
    /// The description (a journal column): in the database's own style, from the name, the text
    /// given, and for workspace the tags (its descriptions say "(Development only)").
    /// </summary>
    public string Description(string className, long version, string? text, IReadOnlyList<string> tags)
    {
        var fileName = MigrationName.SnakeCase(className);
        var label = Style switch
        {
            DescriptionStyle.NumberedFileName => $"{version:0000}_{fileName}",
            DescriptionStyle.VersionAndFileName => $"{version}_{fileName}",
            DescriptionStyle.FileName => fileName,
            _ => null,
        };
        var described = (label, text) switch
        {
            (null, null) => MigrationName.Words(className),
            (null, { } t) => t,
            ({ } l, null) => l,
            ({ } l, { } t) => $"{l}: {t}",
        };
        return Style == DescriptionStyle.NumberedFileName && tags.Count > 0
            ? $"{described} ({(tags.Count == 1 ? tags[0] + " only" : string.Join(", ", tags.SkipLast(1)) + " and " + tags[^1])})"
            : described;
    }
}
