using System.CommandLine;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Logging;
using Migrations.Engine.Running;
using Migrations.Engine.Schema;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;
using Migrations.Runner.Output;

namespace Migrations.Runner.Commands;

/// <summary><c>drift</c>: the live schema against the schema its applied migrations make; exit 3 on any difference.</summary>
public sealed class DriftCommand : IRunnerCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON array (one object per database, with its differences) on standard output" };

    private readonly List<(string Database, DriftReport Report)> _reports = [];

    public string Name => "drift";

    public string Description => "Compare the live schema with the schema its applied migrations make, built in a shadow database (exit 3 on any difference)";

    public IReadOnlyList<Option> Options { get; } = [Json, SharedOptions.ShadowConnection];

    public RunRequest Read(ParseResult result, RunRequest common) => common with
    {
        Json = result.GetValue(Json),
        ShadowConnection = result.GetValue(SharedOptions.ShadowConnection),
    };

    public async Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        var report = await new SchemaDrift(migrator.Options, output.Logger).CompareAsync(request.ShadowConnection, cancellationToken);
        _reports.Add((target.Name, report));
        if (report.HasDrift)
        {
            output.Logger.LogError(LogEvents.DriftFound, "{Database}: {Count} difference(s) from the schema of its {Applied} applied migration(s)", target.Name, report.Differences.Count, report.AppliedMigrations);
        }
        else
        {
            output.Logger.LogInformation(LogEvents.DriftNone, "{Database}: no drift: {Objects} object(s) match the schema of its {Applied} applied migration(s)", target.Name, report.ObjectsCompared, report.AppliedMigrations);
        }
    }

    public async Task<int> FinishAsync(RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        output.Result.Append(request.Json ? DriftPrinter.Json(_reports) : DriftPrinter.Text(_reports));
        await output.FlushAsync(null, cancellationToken);
        var drifted = _reports.Where(r => r.Report.HasDrift).ToArray();
        return drifted.Length > 0
            ? throw new CheckFailedException($"drift: {string.Join(", ", drifted.Select(r => $"{r.Database} has {r.Report.Differences.Count} difference(s)"))} from its migrations")
            : ExitCodes.Success;
    }
}
