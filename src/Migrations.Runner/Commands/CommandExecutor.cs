using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Logging;
using Migrations.Engine.Running;
using Migrations.Engine;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Commands;

/// <summary>
/// Resolves what every command shares (environment, tags, profile, the databases, the backup
/// policy), then runs the command against each database in turn, stopping at the first failure.
/// </summary>
public sealed class CommandExecutor(RunnerSettings settings, TargetResolver resolver, IHostEnvironment host, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("Migrations");

    public async Task<int> ExecuteAsync(IRunnerCommand command, RunRequest request, CancellationToken cancellationToken)
    {
        var (environment, tags, profile, seedScale) = ResolveEnvironment(request);
        RefuseGeneratedDataInProduction(request, environment, profile);
        if (command.ActsOnOneDatabase(request))
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

        var lockTimeout = ResolveLockTimeout(request);
        if (command.AppliesMigrations(request))
        {
            RequireJournalRoom(request, environment, tags);
        }

        var targets = resolver.Resolve(request, environment);
        var backupDirectory = ResolveBackup(command, request, environment);
        if (request.OutFile is not null && targets.Any(t => ScriptCommand.WritesWranglerFiles(t, request)))
        {
            WritablePlace.PrepareDirectory("--out", request.OutFile);
        }
        else if (request.OutFile is not null)
        {
            WritablePlace.PrepareFile("--out", request.OutFile);
        }

        foreach (var skipped in resolver.SkippedDatabases(request))
        {
            _logger.LogInformation(LogEvents.DatabaseSkipped, "{Database}: skipped, Migrations:Databases:{Database}:Skip is true", skipped, skipped);
        }

        var output = new CommandOutput(_logger) { JsonLogs = request.LogFormat == "json" };
        var runs = targets.Select(target => (Target: target, Migrator: new Migrator(Options(target, request, environment, tags, profile) with
        {
            SeedScale = seedScale,
            AllowDataLoss = request.AllowDataLoss,
            AllowOutOfOrder = request.AllowOutOfOrder,
            AllowMissingApplied = request.AllowMissing,
            AllowBreakingChange = request.AllowBreakingChange,
            BackupDirectory = backupDirectory,
            LockTimeout = lockTimeout,
        }, loggers.CreateLogger("Migrations.Engine")))).ToArray();
        foreach (var (target, migrator) in runs)
        {
            if (request.ShadowConnection is { } shadow)
            {
                resolver.RegisterSecrets(target.Provider, shadow);
            }

            // Checks that must pass for every database before the first one changes (migrate --check-drift).
            await command.BeforeAnyChangeAsync(migrator, target, request, output, cancellationToken);
        }

        foreach (var (target, migrator) in runs)
        {
            _logger.LogInformation(LogEvents.RunStarted, "{Database}: {Command} on {Provider} {Connection}, environment {Environment}, tags [{Tags}]",
                target.Name, request.Command, target.Provider.Name, target.Display, environment, tags.ToArray());
            try
            {
                await command.RunAsync(migrator, target, request, output, cancellationToken);
            }
            catch (BackupFailedException ex) when (!ex.Message.StartsWith(target.Name + ":", StringComparison.Ordinal))
            {
                // The provider knows the file, not the database's name; the line names both.
                throw new BackupFailedException($"{target.Name}: {ex.Message}");
            }
        }

        return await command.FinishAsync(request, output, cancellationToken);
    }

    // A backup is wanted before changes when asked for, and required where the environment says so.
    // Its directory is checked (and created) here, before any database is touched: a backup that
    // cannot be written must stop the run before anything changed, not after the first database.
    private string? ResolveBackup(IRunnerCommand command, RunRequest request, string environment)
    {
        var changes = command.Changes(request);
        var configured = string.IsNullOrWhiteSpace(settings.BackupDirectory) ? null : settings.BackupDirectory;
        var directory = request.BackupDirectory ?? configured;
        var required = settings.Environments.TryGetValue(environment, out var settingsOfEnvironment) && settingsOfEnvironment.RequireBackup;
        if (changes && required && directory is null)
        {
            throw new UsageException($"{environment} requires a backup before changes: pass --backup DIR (or set Migrations:BackupDirectory)");
        }

        return changes && directory is not null
            ? WritablePlace.PrepareDirectory(request.BackupDirectory is null ? "Migrations:BackupDirectory" : "--backup", directory)
            : null;
    }

    private TimeSpan ResolveLockTimeout(RunRequest request)
    {
        var seconds = request.LockTimeoutSeconds ?? settings.LockTimeoutSeconds;
        if (seconds < 0)
        {
            throw new UsageException($"Migrations:LockTimeoutSeconds must be 0 or more seconds (it is {seconds})");
        }

        if (settings.CommandTimeoutSeconds < 0)
        {
            throw new UsageException($"Migrations:CommandTimeoutSeconds must be 0 (no limit) or more seconds (it is {settings.CommandTimeoutSeconds})");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// The journal row of every migration carries the run's tags and environment: text that does
    /// not fit its column would fail the row after the migration ran, so it is refused before.
    /// </summary>
    private static void RequireJournalRoom(RunRequest request, string environment, IReadOnlyList<string> tags)
    {
        var tagsText = JournalLimits.TagsText(tags);
        if (JournalLimits.Tags is { } tagRoom && tagsText.Length > tagRoom)
        {
            var source = request.Tags.Count > 0 ? "--tag" : $"the tags of {environment} (Migrations:Environments:{environment}:Tags)";
            throw new UsageException($"{source}: the run's tags take {tagsText.Length} characters in the journal's Tags column, which holds {tagRoom}; use shorter or fewer tags");
        }

        if (JournalLimits.Environment is { } environmentRoom && environment.Length > environmentRoom)
        {
            throw new UsageException($"the environment name '{environment}' takes {environment.Length} characters; the journal's Environment column holds {environmentRoom}: use a shorter name");
        }
    }

    // Production gets no generated data: a demo or volume profile there is almost certainly a mistake.
    private static void RefuseGeneratedDataInProduction(RunRequest request, string environment, string? profile)
    {
        var generated = profile is not null && (profile.Equals("Development", StringComparison.OrdinalIgnoreCase) || profile.Equals("Staging", StringComparison.OrdinalIgnoreCase));
        if (generated && environment.Equals("Production", StringComparison.OrdinalIgnoreCase) && !request.ForceSeed && request.Command is "migrate" or "seed" or "script")
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
        CommandTimeout = settings.CommandTimeoutSeconds > 0 ? TimeSpan.FromSeconds(settings.CommandTimeoutSeconds) : null,
        ProgressAfter = TimeSpan.FromSeconds(Math.Max(0, settings.ProgressAfterSeconds)),
        ProgressEvery = TimeSpan.FromSeconds(Math.Max(0, settings.ProgressEverySeconds)),
    };
}
