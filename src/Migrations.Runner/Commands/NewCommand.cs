using System.CommandLine;
using System.Text.RegularExpressions;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;
using Migrations.Runner.Scaffolding;

namespace Migrations.Runner.Commands;

/// <summary>
/// <c>new</c>: writes a migration class for one database in its version scheme and layout. It
/// touches no database, so it is not an <see cref="IRunnerCommand"/>: no host, no connection.
/// </summary>
public static partial class NewCommand
{
    private static readonly Option<string> Database = OptionRules.NotEmpty(new("--database") { Description = "The database: claims, filetrack, junkquote, clearway or workspace", HelpName = "name", Required = true });
    private static readonly Option<string> Name = OptionRules.NotEmpty(new("--name") { Description = "The class name, PascalCase (workspace's gets its M00NN_ prefix)", HelpName = "ClassName", Required = true });
    private static readonly Option<string> MigrationDescription = OptionRules.NotEmpty(new("--description") { Description = "The migration's description (default: from the name, in the database's style)" });
    private static readonly Option<string> Out = OptionRules.NotEmpty(new("--out") { Description = "Write into this folder instead of src/Migrations.<Database>/Migrations of the repository above the current directory", HelpName = "dir" });

    public static Command Build(TimeProvider clock)
    {
        var command = new Command("new", "Write a new migration class whose Up() and Down() throw until written; prints the path") { Database, Name, MigrationDescription, Out };
        command.SetAction(result =>
        {
            var path = Write(result.GetRequiredValue(Database), result.GetRequiredValue(Name), result.GetValue(MigrationDescription), result.GetValue(Out), clock.GetUtcNow());
            Console.WriteLine(path);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the class and returns its path; a <see cref="UsageException"/> (exit 2) for a name or database it refuses.</summary>
    public static string Write(string database, string name, string? description, string? outDirectory, DateTimeOffset now)
    {
        var layout = DatabaseLayout.Find(database)
            ?? throw new UsageException($"unknown database '{database}': use one of {string.Join(", ", DatabaseLayout.All.Select(l => l.Database))}");
        if (!Identifier().IsMatch(name))
        {
            throw new UsageException($"--name: '{name}' is not a PascalCase C# class name (a capital letter, then letters and digits)");
        }

        var folder = Path.GetFullPath(outDirectory ?? layout.FolderIn(RepositoryRoot()));
        var existing = ExistingMigrations.Read(KnownDatabases.Load(layout.Database), folder);
        if (existing.ClassNames.FirstOrDefault(c => layout.Collides(c, name)) is { } taken)
        {
            throw new UsageException($"--name: {layout.Database} already has a class {taken}");
        }

        var version = layout.Scheme.Next(existing.Newest, now);
        var className = layout.ClassName(name, version);
        var path = Path.Combine(folder, className + ".cs");
        if (File.Exists(path))
        {
            throw new UsageException($"--name: {path} exists");
        }

        // One line: the description is an attribute argument and a journal column.
        var oneLine = description is null ? null : string.Join(' ', description.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        Directory.CreateDirectory(folder);
        File.WriteAllText(path, MigrationStub.Write(layout, className, version, layout.Description(name, version, oneLine)));
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Migrations.sln")))
            {
                return directory.FullName;
            }
        }

        throw new UsageException("new: no Migrations.sln above the current directory; run it in the repository or give --out DIR");
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();
}
