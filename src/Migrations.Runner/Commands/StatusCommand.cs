using System.CommandLine;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Logging;
using Migrations.Engine.Running;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;
using Migrations.Runner.Output;

namespace Migrations.Runner.Commands;

/// <summary><c>status</c>: every migration of every database, applied or pending, as a table or JSON.</summary>
public sealed class StatusCommand : IRunnerCommand
{
    private static readonly Option<bool> FailOnPending = new("--fail-on-pending") { Description = "Exit 3 when any migration is pending" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON array (one object per database and migration) on standard output" };

    public string Name => "status";

    public string Description => "List every migration: version, description, tags, applied (when, by whom) or pending";

    public IReadOnlyList<Option> Options { get; } = [Json, FailOnPending];

    public RunRequest Read(ParseResult result, RunRequest common) => common with
    {
        Json = result.GetValue(Json),
        FailOnPending = result.GetValue(FailOnPending),
    };

    public async Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        var statuses = await migrator.ListMigrationsAsync(cancellationToken);
        if (!statuses.JournalExists)
        {
            // Said apart from "pending": a database that should have a journal and has none looks just like a new one.
            output.Logger.LogWarning(LogEvents.JournalMissing, "{Database}: there is no journal ({Journal} does not exist): nothing is recorded as applied, every migration is pending", target.Name, statuses.Journal);
            output.MissingJournals[target.Name] = statuses.Journal;
        }

        output.Statuses.AddRange(statuses.Select(s => (target.Name, s)));
    }

    public async Task<int> FinishAsync(RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        output.Result.Append(request.Json ? StatusPrinter.Json(output.Statuses) : StatusPrinter.Table(output.Statuses, output.MissingJournals));
        await output.FlushAsync(null, cancellationToken);
        var pending = output.Statuses.Where(s => s.Status.State == MigrationState.Pending).ToArray();
        return request.FailOnPending && pending.Length > 0
            ? throw new CheckFailedException($"{pending.Length} migration(s) pending: {string.Join(", ", pending.Select(s => $"{s.Database} {s.Status.Version}"))}")
            : ExitCodes.Success;
    }
}
