using System.CommandLine;
using Migrations.Engine.Running;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Commands;

/// <summary><c>seed</c>: run a seeding profile alone, under the run lock.</summary>
public sealed class SeedCommand : IRunnerCommand
{
    public string Name => "seed";

    public string Description => "Run a seeding profile alone, under the run lock";

    public IReadOnlyList<Option> Options { get; } = [SharedOptions.Profile, SharedOptions.SeedScale, SharedOptions.ForceSeed];

    public RunRequest Read(ParseResult result, RunRequest common) => common with
    {
        Profile = result.GetValue(SharedOptions.Profile),
        SeedScale = result.GetValue(SharedOptions.SeedScale),
        ForceSeed = result.GetValue(SharedOptions.ForceSeed),
    };

    public async Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken) =>
        output.Summarise(target.Name, await CommandOutput.TimedAsync(() => migrator.SeedAsync(cancellationToken)));
}
