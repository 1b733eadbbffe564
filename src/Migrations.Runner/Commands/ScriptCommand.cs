using System.CommandLine;
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

    // The journal checks too: the reviewed script must be what the migrate with the same options runs.
    public IReadOnlyList<Option> Options { get; } = [SharedOptions.Target, Rollback, SharedOptions.Steps, SharedOptions.To, .. SharedOptions.JournalChecks, Out];

    public RunRequest Read(ParseResult result, RunRequest common) => common.WithJournalChecks(result) with
    {
        Target = result.GetValue(SharedOptions.Target),
        Rollback = result.GetValue(Rollback),
        Steps = result.GetValue(SharedOptions.Steps),
        ToVersion = result.GetValue(SharedOptions.To),
        OutFile = result.GetValue(Out),
    };

    public bool ActsOnOneDatabase(RunRequest request) => request.Rollback;

    public bool AppliesMigrations(RunRequest request) => !request.Rollback;

    public async Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken) =>
        output.Result.Append(request.Rollback
            ? await migrator.ScriptRollbackAsync(request.Steps, request.ToVersion, cancellationToken)
            : await migrator.ScriptMigrateAsync(request.Target, cancellationToken));

    public async Task<int> FinishAsync(RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        await output.FlushAsync(request.OutFile, cancellationToken);
        return ExitCodes.Success;
    }
}
