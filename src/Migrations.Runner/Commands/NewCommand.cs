using System.CommandLine;
using Migrations.Runner.Cli;
using Migrations.Runner.Scaffolding;

namespace Migrations.Runner.Commands;

/// <summary>
/// <c>new</c>: writes a migration class for one database in its version scheme and layout, whose
/// Up() and Down() throw until written. It touches no database, so it is not an
/// <see cref="IRunnerCommand"/>: no host, no connection, none of the common options.
/// Standard output is the path written (or, with --dry-run, the class), so a script can open it.
/// </summary>
public static class NewCommand
{
    private static readonly Option<string> Database = OptionRules.NotEmpty(new("--database") { Description = "The database: claims, filetrack, junkquote, clearway or workspace", HelpName = "name", Required = true });
    private static readonly Option<string> Name = OptionRules.NotEmpty(new("--name") { Description = "The migration's name: AddWidgets or add_widgets (workspace's class gets its M0029_ prefix)", HelpName = "name", Required = true });
    private static readonly Option<string> MigrationDescription = OptionRules.NotEmpty(new("--description") { Description = "The description (journal and status); default: from the name, in the database's style", HelpName = "text" });
    private static readonly Option<string[]> Tag = OptionRules.NoneEmpty(new("--tag") { Description = "Tag the migration (repeatable): it runs only where the run's tags match, e.g. Development", AllowMultipleArgumentsPerToken = false });
    private static readonly Option<long?> Version = new("--migration-version") { Description = "Take this version instead of the next of the database's scheme (refused if taken or mis-shaped)", HelpName = "V" };
    private static readonly Option<string> Project = OptionRules.NotEmpty(new("--project") { Description = "The database's project folder (default: src/Migrations.<Database> of the repository above the current directory)", HelpName = "dir" });
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print the class and where it would go; write nothing" };

    public static Command Build(TimeProvider clock)
    {
        var command = new Command("new", "Write a new migration class for one database, in its version scheme and layout; its Up() and Down() throw until written")
        {
            Database, Name, MigrationDescription, Tag, Version, Project, DryRun,
        };
        command.SetAction(result =>
        {
            var request = new ScaffoldRequest(result.GetRequiredValue(Database), result.GetRequiredValue(Name))
            {
                Description = result.GetValue(MigrationDescription),
                Tags = result.GetValue(Tag) ?? [],
                Version = result.GetValue(Version),
                ProjectDirectory = result.GetValue(Project),
            };
            var plan = MigrationScaffolder.Plan(request, clock.GetUtcNow(), Environment.CurrentDirectory);
            if (plan.Note is { } note)
            {
                Console.Error.WriteLine("warning: " + note);
            }

            if (result.GetValue(DryRun))
            {
                Console.Error.WriteLine($"{plan.Database}: would write migration {plan.Version} {plan.ClassName} to {plan.FilePath} (dry run, nothing written)");
                if (plan.VersionsFile is { } planned)
                {
                    Console.Error.WriteLine($"{plan.Database}: would add {planned.Constant} = {plan.Version} to {planned.Path}");
                }

                Console.Out.Write(plan.FileText);
                return ExitCodes.Success;
            }

            plan.Write();
            Console.Error.WriteLine($"{plan.Database}: wrote migration {plan.Version} {plan.ClassName}; its Up() and Down() throw until you write them");
            if (plan.VersionsFile is { } written)
            {
                Console.Error.WriteLine($"{plan.Database}: added {written.Constant} = {plan.Version} to {written.Path}");
            }

            Console.Out.WriteLine(plan.FilePath);
            return ExitCodes.Success;
        });
        return command;
    }
}
