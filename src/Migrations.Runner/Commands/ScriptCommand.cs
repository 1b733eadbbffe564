using System.CommandLine;
using Microsoft.Extensions.Logging;
using Migrations.Engine.D1;
using Migrations.Engine.Running;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Commands;

/// <summary><c>script</c>: the SQL a migrate (or, with <c>--rollback</c>, a rollback) would run, executed nowhere.</summary>
public sealed class ScriptCommand : IRunnerCommand
{
    private static readonly Option<string> Out = OptionRules.NotEmpty(new("--out") { Description = "Write the SQL to this file instead of standard output; the file is replaced whole, and kept as it was if the script fails", HelpName = "file" });
    private static readonly Option<bool> Rollback = new("--rollback") { Description = "Script the SQL of a rollback (with --steps or --to) instead of a migrate" };

    public string Name => "script";

    public string Description => "Write the SQL a migrate (or, with --rollback, a rollback) would run, without running it";

    // Migrate's profile and journal options too: the reviewed script must be what the migrate with the same options runs.
    public IReadOnlyList<Option> Options { get; } =
        [SharedOptions.Target, SharedOptions.Profile, SharedOptions.SeedScale, SharedOptions.ForceSeed, Rollback, SharedOptions.Steps, SharedOptions.To, .. SharedOptions.JournalChecks, Out];

    public RunRequest Read(ParseResult result, RunRequest common) => common.WithJournalChecks(result) with
    {
        Target = result.GetValue(SharedOptions.Target),
        Profile = result.GetValue(SharedOptions.Profile),
        SeedScale = result.GetValue(SharedOptions.SeedScale),
        ForceSeed = result.GetValue(SharedOptions.ForceSeed),
        Rollback = result.GetValue(Rollback),
        Steps = result.GetValue(SharedOptions.Steps),
        ToVersion = result.GetValue(SharedOptions.To),
        OutFile = result.GetValue(Out),
    };

    public bool ActsOnOneDatabase(RunRequest request) => request.Rollback;

    public bool AppliesMigrations(RunRequest request) => !request.Rollback;

    public async Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        var script = request.Rollback
            ? await migrator.ScriptRollbackAsync(request.Steps, request.ToVersion, cancellationToken)
            : await migrator.ScriptMigrateAsync(request.Target, cancellationToken);
        if (WritesWranglerFiles(target, request) && target.Provider is D1Provider d1)
        {
            // For teams that keep `wrangler d1 migrations apply`: --out is its migrations directory.
            var written = D1MigrationFiles.Write(request.OutFile!, d1.ScriptedBatches);
            output.Logger.LogInformation("{Database}: wrote {Count} wrangler migration file(s) to {Directory}", target.Name, written.Count, Path.GetFullPath(request.OutFile!));
            _wroteFiles = true;
            return;
        }

        output.Result.Append(script);
    }

    /// <summary>On D1, <c>script --out DIR</c> (not a rollback: wrangler's migrations only go forward) writes wrangler migration files.</summary>
    public static bool WritesWranglerFiles(DatabaseTarget target, RunRequest request) =>
        target.Provider is D1Provider && request.OutFile is not null && !request.Rollback;

    private bool _wroteFiles;

    public async Task<int> FinishAsync(RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        if (!_wroteFiles)
        {
            await output.FlushAsync(request.OutFile, cancellationToken);
        }

        return ExitCodes.Success;
    }
}
