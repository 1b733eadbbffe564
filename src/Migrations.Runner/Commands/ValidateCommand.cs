using System.CommandLine;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Logging;
using Migrations.Engine.Running;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Commands;

/// <summary><c>validate</c>: the journal against the code; exit 3 on any disagreement.</summary>
public sealed class ValidateCommand : IRunnerCommand
{
    public string Name => "validate";

    public string Description => "Compare the journal with the code: unknown applied versions, edited applied migrations, order problems (exit 3)";

    public IReadOnlyList<Option> Options { get; } = [];

    public RunRequest Read(ParseResult result, RunRequest common) => common;

    public async Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        var problems = await migrator.ValidateAsync(cancellationToken);
        foreach (var problem in problems)
        {
            output.Logger.LogError(LogEvents.ValidationProblem, "{Database}: {Problem}", target.Name, problem.Message);
        }

        if (problems.Count == 0)
        {
            output.Logger.LogInformation(LogEvents.ValidationPassed, problems.JournalExists ? "{Database}: the journal matches the code" : "{Database}: no journal and no migrations in the code: nothing to check", target.Name);
        }

        output.Problems += problems.Count;
    }

    public Task<int> FinishAsync(RunRequest request, CommandOutput output, CancellationToken cancellationToken) =>
        output.Problems > 0
            ? throw new CheckFailedException($"validation found {output.Problems} problem(s); see the lines above")
            : Task.FromResult(ExitCodes.Success);
}
