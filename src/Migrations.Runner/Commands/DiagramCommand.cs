using System.CommandLine;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Running;
using Migrations.Engine.Schema;
using Migrations.Engine.Schema.Diagram;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Commands;

/// <summary>
/// <c>diagram</c>: the schema as Mermaid ER diagrams, one picture per area, read from the live
/// database or (<c>--migrated</c>) from the schema the migrations build in a scratch database.
/// </summary>
public sealed class DiagramCommand : IRunnerCommand
{
    private static readonly Option<bool> Migrated = new("--migrated") { Description = "Draw the schema this run's migrations make (for its environment and tags), built in a scratch database (SQLite: in memory), instead of the live one; the live database is not touched" };
    private static readonly Option<string> Out = OptionRules.NotEmpty(new("--out") { Description = "Write the Markdown to this file instead of standard output (replaced whole)", HelpName = "file" });

    private static readonly Option<int> MaxTables = AtLeastOne(new("--max-tables") { Description = $"The most tables one picture shows (default {ErAreas.DefaultMaxTables}); larger areas are split, their links listed under each picture", HelpName = "n", DefaultValueFactory = _ => ErAreas.DefaultMaxTables });

    private int _maxTables = ErAreas.DefaultMaxTables;

    private readonly List<(string Database, string Markdown)> _diagrams = [];

    public string Name => "diagram";

    public string Description => "Print the schema as Mermaid ER diagrams (Markdown), one picture per area of related tables";

    public IReadOnlyList<Option> Options { get; } = [Migrated, Out, MaxTables, SharedOptions.ShadowConnection];

    public RunRequest Read(ParseResult result, RunRequest common)
    {
        _maxTables = result.GetValue(MaxTables);
        return common with
        {
            Migrated = result.GetValue(Migrated),
            OutFile = result.GetValue(Out),
            ShadowConnection = result.GetValue(SharedOptions.ShadowConnection),
        };
    }

    public async Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        var options = migrator.Options;
        var schema = request.Migrated
            ? await BuildAsync(options, request.ShadowConnection, output.Logger, cancellationToken)
            : await ReadAsync(options, options.ConnectionString, cancellationToken);
        var model = ErModelReader.Read(schema);
        output.Logger.LogInformation("{Database}: diagram of {Tables} table(s) and {Keys} foreign key(s)", target.Name, model.Tables.Count, model.Relationships.Count);
        _diagrams.Add((target.Name, MermaidErWriter.Write(model, _maxTables)));
    }

    public async Task<int> FinishAsync(RunRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        // One database's Markdown is what a doc embeds as it is; several get a heading each.
        for (var i = 0; i < _diagrams.Count; i++)
        {
            var (database, markdown) = _diagrams[i];
            output.Result.Append(_diagrams.Count == 1 ? markdown : $"{(i > 0 ? "\n" : "")}## {database}\n\n{markdown}");
        }

        await output.FlushAsync(request.OutFile, cancellationToken);
        return ExitCodes.Success;
    }

    // As migrate would build it for this run (its tags), without seeding, in a shadow that is removed afterwards.
    private static async Task<DatabaseSchema> BuildAsync(MigratorOptions live, string? shadowConnection, ILogger logger, CancellationToken cancellationToken)
    {
        await using var shadow = await live.Provider.CreateShadowAsync(live.ConnectionString, shadowConnection, cancellationToken);
        logger.LogInformation("{Database}: building the schema of its migrations in {Shadow}", live.DatabaseName, shadow.Description);
        var options = live with
        {
            ConnectionString = shadow.ConnectionString,
            Profile = null,
            BackupDirectory = null,
            AllowDataLoss = true,
        };
        await new Migrator(options).MigrateUpAsync(cancellationToken: cancellationToken);
        return await ReadAsync(live, shadow.ConnectionString, cancellationToken);
    }

    private static async Task<DatabaseSchema> ReadAsync(MigratorOptions options, string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await options.Provider.OpenAsync(options.Provider.Normalize(connectionString, options.LockTimeout), cancellationToken);
        return await options.Provider.SchemaReader.ReadAsync(connection, cancellationToken);
    }

    private static Option<int> AtLeastOne(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{option.Name} must be 1 or more");
            }
        });
        return option;
    }
}
