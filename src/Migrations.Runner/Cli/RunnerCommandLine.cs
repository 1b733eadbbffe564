using System.CommandLine;
using Migrations.Runner.Commands;

namespace Migrations.Runner.Cli;

/// <summary>The command-line contract of DESIGN.md section 3: one class per command, each with its own options, plus the common ones.</summary>
public static class RunnerCommandLine
{
    public static IReadOnlyList<IRunnerCommand> Commands { get; } =
        [new MigrateCommand(), new RollbackCommand(), new StatusCommand(), new ValidateCommand(), new ScriptCommand(), new SeedCommand(), new BaselineCommand(), new DriftCommand(), new DiagramCommand()];

    public static RootCommand Build(Func<IRunnerCommand, RunRequest, CancellationToken, Task<int>> execute)
    {
        var root = new RootCommand("Versioned migrations for the claims, filetrack, junkquote, clearway and workspace databases.");
        foreach (var runnerCommand in Commands)
        {
            var command = new Command(runnerCommand.Name, runnerCommand.Description);
            foreach (var option in CommonOptions.All.Concat(runnerCommand.Options))
            {
                command.Add(option);
            }

            command.SetAction((result, cancellationToken) =>
                execute(runnerCommand, runnerCommand.Read(result, CommonOptions.Read(runnerCommand.Name, result)), cancellationToken));
            root.Add(command);
        }

        root.Add(NewCommand.Build(TimeProvider.System));
        return root;
    }
}
