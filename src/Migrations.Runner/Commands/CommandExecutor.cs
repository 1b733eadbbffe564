using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Running;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;
using Migrations.Runner.Output;

namespace Migrations.Runner.Commands;

/// <summary>
/// Runs one command against each database in turn, stopping at the first failure. Results go to
/// standard output (or --out); everything else is logged to standard error.
/// </summary>
public sealed class CommandExecutor(RunnerSettings settings, TargetResolver resolver, IHostEnvironment host, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("Migrations");

    public async Task<int> ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var (environment, tags, profile, seedScale) = ResolveEnvironment(request);
        RefuseGeneratedDataInProduction(request, environment, profile);
        if (request.Command == "rollback" || (request.Command == "script" && request.Rollback))
        {
            RequireOneDatabase(request);
        }

        if (request.Steps is < 1)
        {
            throw new UsageException("--steps must be 1 or more");
        }

        if (request.Steps is not null && request.ToVersion is not null)
        {
            throw new UsageException("give --steps or --to, not both");
        }

        var targets = resolver.Resolve(request);
        var backupDirectory = ResolveBackup(request, environment);
        var statuses = new List<(string Database, MigrationStatus Status)>();
        var problems = 0;
        foreach (var target in targets)
        {
            _logger.LogInformation("{Database}: {Command} on {Provider} {Connection}, environment {Environment}, tags [{Tags}]",
                target.Name, request.Command, target.Provider.Name, target.Display, environment, string.Join(", ", tags));
            var runner = new Migrator(Options(target, request, environment, tags, profile) with
            {
                SeedScale = seedScale,
                AllowDataLoss = request.AllowDataLoss,
                BackupDirectory = backupDirectory,
            }, loggers.CreateLogger("Migrations.Engine"));
            switch (request.Command)
            {
                case "migrate" when request.DryRun:
                case "script" when !request.Rollback:
                    await WriteResultAsync(request, await runner.ScriptMigrateAsync(request.Target, cancellationToken), cancellationToken);
                    break;
                case "rollback" when request.DryRun:
                case "script":
                    await WriteResultAsync(request, await runner.ScriptRollbackAsync(request.Steps, request.ToVersion, cancellationToken), cancellationToken);
                    break;
                case "migrate":
                    Summarise(target.Name, await Timed(() => runner.MigrateUpAsync(request.Target, cancellationToken)));
                    break;
                case "rollback":
                    var result = await Timed(() => request.ToVersion is { } to ? runner.RollbackToVersionAsync(to, cancellationToken) : runner.RollbackAsync(request.Steps ?? 1, cancellationToken));
                    Summarise(target.Name, result);
                    break;
                case "seed":
                    Summarise(target.Name, await Timed(() => runner.SeedAsync(cancellationToken)));
                    break;
                case "status":
                    statuses.AddRange((await runner.ListMigrationsAsync(cancellationToken)).Select(s => (target.Name, s)));
                    break;
                case "validate":
                    problems += Report(target.Name, await runner.ValidateAsync(cancellationToken));
                    break;
            }
        }

        return request.Command switch
        {
            "status" => await FinishStatusAsync(request, statuses, cancellationToken),
            "validate" when problems > 0 => throw new CheckFailedException($"validation found {problems} problem(s); see the lines above"),
            _ => ExitCodes.Success,
        };
    }

    // A backup is wanted before changes when asked for, and required where the environment says so.
    private string? ResolveBackup(RunRequest request, string environment)
    {
        var changes = request.Command is "migrate" or "rollback" && !request.DryRun;
        var directory = request.BackupDirectory ?? settings.BackupDirectory;
        var required = settings.Environments.TryGetValue(environment, out var settingsOfEnvironment) && settingsOfEnvironment.RequireBackup;
        if (changes && required && directory is null)
        {
            throw new UsageException($"{environment} requires a backup before changes: pass --backup DIR (or set Migrations:BackupDirectory)");
        }

        return changes ? directory : null;
    }

    // Production gets no generated data: a demo or volume profile there is almost certainly a mistake.
    private static void RefuseGeneratedDataInProduction(RunRequest request, string environment, string? profile)
    {
        var generated = profile is not null && (profile.Equals("Development", StringComparison.OrdinalIgnoreCase) || profile.Equals("Staging", StringComparison.OrdinalIgnoreCase));
        if (generated && environment.Equals("Production", StringComparison.OrdinalIgnoreCase) && !request.ForceSeed && request.Command is "migrate" or "seed")
        {
            throw new UsageException($"refusing to run the {profile} profile in Production (it generates data); pass --force-seed if you really mean it");
        }
    }

    private (string Environment, IReadOnlyList<string> Tags, string? Profile, int SeedScale) ResolveEnvironment(RunRequest request)
    {
        var name = host.EnvironmentName;
        if (string.IsNullOrEmpty(name))
        {
            // Only the laptop default may go without a named environment: a pipeline must say where it deploys.
            name = resolver.UsesEmbeddedDefault(request)
                ? "Development"
                : throw new UsageException($"name the environment with --environment or DOTNET_ENVIRONMENT: one of {string.Join(", ", settings.Environments.Keys)}");
        }

        if (!settings.Environments.TryGetValue(name, out var environment))
        {
            throw new UsageException($"unknown environment '{name}': configured environments are {string.Join(", ", settings.Environments.Keys)}");
        }

        var tags = request.Tags.Count > 0 ? request.Tags : environment.Tags;
        var seedScale = request.SeedScale ?? environment.SeedScale;
        if (seedScale < 1)
        {
            throw new UsageException("--seed-scale must be 1 or more");
        }

        return (name, tags, request.Profile ?? environment.Profile, seedScale);
    }

    private static void RequireOneDatabase(RunRequest request)
    {
        if (request.AssemblyPath is null && (request.Database is null || request.Database.Equals("all", StringComparison.OrdinalIgnoreCase)))
        {
            throw new UsageException($"{request.Command} acts on one database: add --database with one of {string.Join(", ", KnownDatabases.Names)}");
        }
    }

    private MigratorOptions Options(DatabaseTarget target, RunRequest request, string environment, IReadOnlyList<string> tags, string? profile) => new()
    {
        Provider = target.Provider,
        ConnectionString = target.ConnectionString,
        Assemblies = [target.Assembly],
        DatabaseName = target.Name,
        Tags = tags,
        Profile = profile,
        Environment = environment,
        LockTimeout = TimeSpan.FromSeconds(request.LockTimeoutSeconds ?? settings.LockTimeoutSeconds),
        CommandTimeout = settings.CommandTimeoutSeconds > 0 ? TimeSpan.FromSeconds(settings.CommandTimeoutSeconds) : null,
    };

    private static async Task<(RunResult Result, TimeSpan Elapsed)> Timed(Func<Task<RunResult>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        return (result, clock.Elapsed);
    }

    private void Summarise(string database, (RunResult Result, TimeSpan Elapsed) run)
    {
        var (result, elapsed) = run;
        if (result.BackupPath is { } backup)
        {
            Console.Out.WriteLine($"{database}: backup {backup}");
        }

        foreach (var (migration, _) in result.RolledBack)
        {
            Console.Out.WriteLine($"{database}: rolled back {migration.Version} {migration.Description}");
        }

        _logger.LogInformation("{Database}: done in {Seconds:0.0} s: {Applied} applied, {RolledBack} rolled back, {Skipped} skipped for their tags, profiles run: {Profiles}",
            database, elapsed.TotalSeconds, result.Applied.Count, result.RolledBack.Count, result.Skipped.Count,
            result.ProfilesRun.Count == 0 ? "none" : string.Join(", ", result.ProfilesRun));
    }

    private int Report(string database, IReadOnlyList<ValidationProblem> problems)
    {
        foreach (var problem in problems)
        {
            _logger.LogError("{Database}: {Problem}", database, problem.Message);
        }

        if (problems.Count == 0)
        {
            _logger.LogInformation("{Database}: the journal matches the code", database);
        }

        return problems.Count;
    }

    private async Task<int> FinishStatusAsync(RunRequest request, List<(string Database, MigrationStatus Status)> statuses, CancellationToken cancellationToken)
    {
        var text = request.Json ? StatusPrinter.Json(statuses) : StatusPrinter.Table(statuses);
        await WriteResultAsync(request, text, cancellationToken);
        var pending = statuses.Count(s => s.Status.State == MigrationState.Pending);
        if (request.FailOnPending && pending > 0)
        {
            throw new CheckFailedException($"{pending} migration(s) pending: {string.Join(", ", statuses.Where(s => s.Status.State == MigrationState.Pending).Select(s => $"{s.Database} {s.Status.Version}"))}");
        }

        return ExitCodes.Success;
    }

    private static async Task WriteResultAsync(RunRequest request, string text, CancellationToken cancellationToken)
    {
        if (request.OutFile is { } file)
        {
            await File.AppendAllTextAsync(file, text, cancellationToken);
        }
        else
        {
            await Console.Out.WriteAsync(text);
            await Console.Out.FlushAsync(cancellationToken);
        }
    }
}
