using System.Reflection;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Scaffolding;

/// <summary>
/// Plans a new migration for one database in its own layout: the class name, the next version of
/// its scheme (or the one asked for), the description, the file and the version constant. Every
/// refusal is a <see cref="UsageException"/> (exit 2) and nothing is written.
/// </summary>
public static class MigrationScaffolder
{
    /// <summary>The journal's Description column holds this many characters (JournalLayout).</summary>
    private const int LongestDescription = 1024;

    public static ScaffoldPlan Plan(ScaffoldRequest request, DateTimeOffset now, string currentDirectory)
    {
        var layout = DatabaseLayout.Find(request.Database)
            ?? throw new UsageException($"--database: '{request.Database}' is not one of {string.Join(", ", DatabaseLayout.All.Select(l => l.Database))}");
        // "M0029_AddWidgets" given for workspace is the name AddWidgets; its number comes from the scheme.
        var name = MigrationName.ClassName(layout.GivenName(request.Name.Trim()));
        if (request.Tags.FirstOrDefault(t => !t.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')) is { } tag)
        {
            throw new UsageException($"--tag: '{tag}' is not a tag name (letters, digits, '_', '-' and '.'; the journal keeps a run's tags comma-separated)");
        }

        var project = ProjectDirectory(layout, request.ProjectDirectory, currentDirectory);
        var existing = ExistingMigrations.Read(Compiled(layout), project);

        if (existing.ClassNames.FirstOrDefault(c => layout.GivenName(c) == name) is { } taken)
        {
            throw new UsageException($"--name: {layout.Database} already has a class {taken}; choose another name");
        }

        var version = Version(layout, existing, request.Version, now);
        var note = existing.Newest is { } newest && version < newest
            ? $"{layout.Database}: {version} is older than the newest version {newest}; where that is applied, migrate needs --allow-out-of-order to apply it"
            : null;
        var className = layout.ClassName(name, version);
        var description = layout.Description(name, version, OneLine(request.Description), request.Tags);
        if (description.Length > LongestDescription)
        {
            throw new UsageException($"--description: {description.Length} characters; the journal keeps {LongestDescription}");
        }

        var path = Path.Combine(project, "Migrations", className + ".cs");
        if (File.Exists(path))
        {
            throw new UsageException($"new: {path} exists; choose another --name");
        }

        var versionsPath = layout.VersionsClass is { } versionsClass ? Path.Combine(project, versionsClass + ".cs") : null;
        if (versionsPath is null || !File.Exists(versionsPath))
        {
            // Workspace's attributes hold the number; so does any project without a versions class.
            var literal = MigrationStub.Write(layout, className, layout.Literal(version), description, request.Tags);
            return new ScaffoldPlan(layout.Database, className, version, path, literal) { Note = note };
        }

        if (existing.Constants.Contains(name))
        {
            throw new UsageException($"--name: {layout.VersionsClass} already has a constant {name}; choose another name");
        }

        var text = MigrationStub.Write(layout, className, $"{layout.VersionsClass}.{name}", description, request.Tags);
        var versions = VersionConstants.Add(File.ReadAllText(versionsPath), layout.VersionsClass!, name, layout.Literal(version), description, $"{layout.Namespace}.{className}");
        return new ScaffoldPlan(layout.Database, className, version, path, text) { VersionsFile = (versionsPath, $"{layout.VersionsClass}.{name}", versions), Note = note };
    }

    private static long Version(DatabaseLayout layout, ExistingMigrations existing, long? asked, DateTimeOffset now)
    {
        if (asked is not { } version)
        {
            try
            {
                return layout.Scheme.Next(existing.Newest, now);
            }
            catch (UsageException ex)
            {
                throw new UsageException($"{layout.Database}: {ex.Message}");
            }
        }

        if (layout.Scheme.Misfit(version) is { } misfit)
        {
            throw new UsageException($"--migration-version: {version} does not fit {layout.Database}'s versions ({layout.Scheme.Shape}): {misfit}");
        }

        return existing.Versions.TryGetValue(version, out var owner)
            ? throw new UsageException($"--migration-version: {layout.Database} already has migration {version} ({owner})")
            : version;
    }

    private static string ProjectDirectory(DatabaseLayout layout, string? given, string currentDirectory)
    {
        if (given is not null)
        {
            var project = Path.GetFullPath(given, currentDirectory);
            return Directory.Exists(project) && Directory.GetFiles(project, "*.csproj").Length > 0
                ? project
                : throw new UsageException($"--project: {project} is not a project folder (no .csproj in it)");
        }

        for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Migrations.sln")))
            {
                var project = layout.ProjectIn(directory.FullName);
                return Directory.Exists(project)
                    ? project
                    : throw new UsageException($"new: {directory.FullName} has no {Path.Combine("src", layout.Project)}; give --project DIR");
            }
        }

        throw new UsageException($"new: no Migrations.sln in {currentDirectory} or above it; run it in the repository or give --project DIR");
    }

    // The runner's own build of the database, when it has one (a tool built without it still scaffolds from the source).
    private static Assembly? Compiled(DatabaseLayout layout)
    {
        try
        {
            return KnownDatabases.Load(layout.Database);
        }
        catch (UsageException)
        {
            return null;
        }
    }

    // The description is an attribute argument and a journal column: one line.
    private static string? OneLine(string? text) =>
        text is null ? null : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
