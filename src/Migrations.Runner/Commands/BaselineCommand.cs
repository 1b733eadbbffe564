using System.CommandLine;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Logging;
using Migrations.Engine.Running;
using Migrations.Engine.Schema;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;
using Migrations.Runner.Output;

namespace Migrations.Runner.Commands;

/// <summary>
/// <c>baseline</c>: adopt a live database another tool made. Records, as applied, the migrations
/// whose schema the live database provably has; refuses (exit 3) when it matches none.
/// </summary>
public sealed class BaselineCommand : IRunnerCommand
{
    private static readonly Option<long?> Version = new("--version") { Description = "The version the live database is at (default: the newest whose schema it matches); refused when its schema differs", HelpName = "version" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON array (one object per database) on standard output" };

    private readonly List<(string Database, BaselineResult Result)> _results = [];

    public string Name => "baseline";

    public string Description => "Adopt a live database made by another tool: verify its schema against the migrations and record those it already has";

    public IReadOnlyList<Option> Options { get; } = [Version, SharedOptions.DryRun, Json, SharedOptions.ShadowConnection];

    public RunRequest Read(ParseResult result, RunRequest common) => common with
    {
        Target = result.GetValue(Version),
        DryRun = result.GetValue(SharedOptions.DryRun),
        Json = result.GetValue(Json),
        ShadowConnection = result.GetValue(SharedOptions.ShadowConnection),
    };

    public async Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        var result = await new SchemaBaseline(migrator.Options, output.Logger).RunAsync(request.Target, request.DryRun, request.ShadowConnection, cancellationToken);
        _results.Add((target.Name, result));
        if (result.Refused)
        {
            output.Logger.LogError(LogEvents.BaselineRefused, "{Database}: baseline refused: nothing was recorded", target.Name);
        }
        else
        {
            output.Logger.LogInformation(LogEvents.BaselineRecorded, "{Database}: baseline at version {Version}: {Count} migration(s) {Verb}", target.Name, result.MatchedVersion, result.Rows.Count, request.DryRun ? "would be recorded" : "recorded");
        }
    }

    public async Task<int> FinishAsync(RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        output.Result.Append(request.Json ? BaselinePrinter.Json(_results) : BaselinePrinter.Text(_results));
        await output.FlushAsync(null, cancellationToken);
        var refused = _results.Where(r => r.Result.Refused).Select(r => r.Database).ToArray();
        return refused.Length > 0
            ? throw new CheckFailedException($"baseline refused for {string.Join(", ", refused)}: the live schema does not provably match the migrations; see the lines above")
            : ExitCodes.Success;
    }
}
