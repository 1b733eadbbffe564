using System.CommandLine;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Logging;
using Migrations.Engine.Running;
using Migrations.Engine.Schema;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Commands;

/// <summary><c>migrate</c>: apply pending migrations (up to <c>--target</c>), then the environment's seeding profile.</summary>
public sealed class MigrateCommand : IRunnerCommand
{
    public string Name => "migrate";

    public string Description => "Apply pending migrations (up to --target), then the environment's seeding profile";

    public IReadOnlyList<Option> Options { get; } =
        [SharedOptions.Target, SharedOptions.Profile, SharedOptions.SeedScale, SharedOptions.ForceSeed, SharedOptions.AllowDataLoss, .. SharedOptions.JournalChecks, SharedOptions.Backup, SharedOptions.DryRun, CheckDrift, SharedOptions.ShadowConnection];

    private static readonly Option<bool> CheckDrift = new("--check-drift") { Description = "Before changing any database, compare each live schema with its applied migrations' (as drift does) and stop with exit 3 on any difference" };

    public RunRequest Read(ParseResult result, RunRequest common) => common.WithJournalChecks(result) with
    {
        Target = result.GetValue(SharedOptions.Target),
        Profile = result.GetValue(SharedOptions.Profile),
        SeedScale = result.GetValue(SharedOptions.SeedScale),
        ForceSeed = result.GetValue(SharedOptions.ForceSeed),
        AllowDataLoss = result.GetValue(SharedOptions.AllowDataLoss),
        BackupDirectory = result.GetValue(SharedOptions.Backup),
        DryRun = result.GetValue(SharedOptions.DryRun),
        CheckDrift = result.GetValue(CheckDrift),
        ShadowConnection = result.GetValue(SharedOptions.ShadowConnection),
    };

    public async Task BeforeAnyChangeAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        if (!request.CheckDrift)
        {
            return;
        }

        var report = await new SchemaDrift(migrator.Options, output.Logger).CompareAsync(request.ShadowConnection, cancellationToken);
        if (report.HasDrift)
        {
            foreach (var difference in report.Differences)
            {
                output.Logger.LogError(LogEvents.DriftDifference, "{Database}: drift: {Difference}", target.Name, difference.ToString());
            }

            throw new CheckFailedException($"{target.Name}: the live schema has {report.Differences.Count} difference(s) from its applied migrations (see the lines above, or run drift); nothing was migrated");
        }

        output.Logger.LogInformation(LogEvents.DriftNone, "{Database}: no drift ({Objects} objects)", target.Name, report.ObjectsCompared);
    }

    public bool Changes(RunRequest request) => !request.DryRun;

    public bool AppliesMigrations(RunRequest request) => true;

    public async Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        if (request.DryRun)
        {
            output.Result.Append(await migrator.ScriptMigrateAsync(request.Target, cancellationToken));
            return;
        }

        output.Summarise(target.Name, await CommandOutput.TimedAsync(() => migrator.MigrateUpAsync(request.Target, cancellationToken)));
    }

    public async Task<int> FinishAsync(RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        await output.FlushAsync(null, cancellationToken);
        return ExitCodes.Success;
    }
}
