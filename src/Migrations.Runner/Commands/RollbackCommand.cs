using System.CommandLine;
using Migrations.Engine.Running;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Commands;

/// <summary><c>rollback</c>: undo the newest applied migration of one database; <c>--steps N</c> or <c>--to V</c> undo more.</summary>
public sealed class RollbackCommand : IRunnerCommand
{
    public string Name => "rollback";

    public string Description => "Undo the newest applied migration of one --database; --steps N or --to V undo more";

    public IReadOnlyList<Option> Options { get; } =
        [SharedOptions.Steps, SharedOptions.To, SharedOptions.AllowDataLoss, SharedOptions.Backup, SharedOptions.DryRun];

    public RunRequest Read(ParseResult result, RunRequest common) => common with
    {
        Steps = result.GetValue(SharedOptions.Steps),
        ToVersion = result.GetValue(SharedOptions.To),
        AllowDataLoss = result.GetValue(SharedOptions.AllowDataLoss),
        BackupDirectory = result.GetValue(SharedOptions.Backup),
        DryRun = result.GetValue(SharedOptions.DryRun),
    };

    public bool ActsOnOneDatabase(RunRequest request) => true;

    public bool Changes(RunRequest request) => !request.DryRun;

    public async Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        if (request.DryRun)
        {
            output.Result.Append(await migrator.ScriptRollbackAsync(request.Steps, request.ToVersion, cancellationToken));
            return;
        }

        output.Summarise(target.Name, await CommandOutput.TimedAsync(() => request.ToVersion is { } to
            ? migrator.RollbackToVersionAsync(to, cancellationToken)
            : migrator.RollbackAsync(request.Steps ?? 1, cancellationToken)));
    }

    public async Task<int> FinishAsync(RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        await output.FlushAsync(null, cancellationToken);
        return ExitCodes.Success;
    }
}
