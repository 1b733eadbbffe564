using System.Data.Common;
using System.Diagnostics;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using FluentMigrator.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Migrations.Engine.Guard;
using Migrations.Engine.Journal;
using Migrations.Engine.Logging;
using Migrations.Engine.Planning;

namespace Migrations.Engine.Running;

/// <summary>
/// Applies, rolls back, lists, validates and scripts the migrations of one database, in stages:
/// the plan (code + journal + tags, no I/O), the guard (what the steps would destroy, measured
/// once on the live database), and the executor, which hands each migration to FluentMigrator's
/// runner inside the run lock. A run with nothing to do reads the journal once and never builds
/// FluentMigrator's runner.
/// </summary>
public sealed class Migrator
{
    private readonly ILogger _logger;

    public Migrator(MigratorOptions options, ILogger? logger = null)
    {
        Options = options;
        _logger = logger ?? NullLogger.Instance;
        Catalog = MigrationCatalog.Load(options.Assemblies, options.Namespace, options.NestedNamespaces);
        Planner = new Planner(Catalog, options.Tags, options.IncludeUntaggedMigrations, options.OnlyVersions);
    }

    public MigrationCatalog Catalog { get; }

    public MigratorOptions Options { get; }

    private Planner Planner { get; }

    private string Database => Options.DatabaseName;

    private string? JournalSchema => JournalLayout.SchemaFor(Options.Provider.ProcessorIds[0]);

    public bool IsSelected(MigrationInfo migration) => Planner.IsSelected(migration);

    /// <summary>Applies every pending migration (up to <paramref name="target"/>), then the profile.</summary>
    public Task<RunResult> MigrateUpAsync(long? target = null, CancellationToken cancellationToken = default) =>
        RunAsync(script: null, (run, applied) => UpAsync(run, applied, target, cancellationToken), cancellationToken);

    /// <summary>Undoes the newest <paramref name="steps"/> applied migrations, newest first.</summary>
    public Task<RunResult> RollbackAsync(int steps = 1, CancellationToken cancellationToken = default) =>
        steps < 1
            ? throw new ArgumentOutOfRangeException(nameof(steps), "steps must be at least 1")
            : RunAsync(script: null, (run, applied) => DownAsync(run, Planner.PlanDown(applied, steps, null, Database), cancellationToken), cancellationToken);

    /// <summary>Undoes every applied migration newer than <paramref name="version"/>; 0 undoes all.</summary>
    public Task<RunResult> RollbackToVersionAsync(long version, CancellationToken cancellationToken = default)
    {
        RequireKnown(version);
        return RunAsync(script: null, (run, applied) => DownAsync(run, Planner.PlanDown(applied, null, version, Database), cancellationToken), cancellationToken);
    }

    /// <summary>Runs the configured profile alone (the <c>seed</c> command), under the run lock; nothing is journaled.</summary>
    public Task<RunResult> SeedAsync(CancellationToken cancellationToken = default) =>
        RunAsync(script: null, (run, _) =>
        {
            var result = new RunResult();
            RunProfiles(run, result);
            return Task.FromResult(result);
        }, cancellationToken);

    /// <summary>The SQL <see cref="MigrateUpAsync"/> would run, executed nowhere real.</summary>
    public async Task<string> ScriptMigrateAsync(long? target = null, CancellationToken cancellationToken = default)
    {
        var script = new ScriptWriter($"{Database}: migrate{(target is null ? "" : $" to {target}")}");
        await RunAsync(script, (run, applied) => UpAsync(run, applied, target, cancellationToken), cancellationToken);
        return script.ToString();
    }

    /// <summary>The SQL a rollback would run: <paramref name="steps"/> versions, or down to <paramref name="toVersion"/>.</summary>
    public async Task<string> ScriptRollbackAsync(int? steps, long? toVersion, CancellationToken cancellationToken = default)
    {
        var script = new ScriptWriter($"{Database}: rollback");
        await RunAsync(script, (run, applied) =>
            DownAsync(run, Planner.PlanDown(applied, toVersion is null ? steps ?? 1 : null, toVersion, Database), cancellationToken), cancellationToken);
        return script.ToString();
    }

    /// <summary>Every migration in the code and every journal row, oldest first.</summary>
    public async Task<JournalReport<MigrationStatus>> ListMigrationsAsync(CancellationToken cancellationToken = default)
    {
        var journal = await ReadJournalAsync(cancellationToken);
        var applied = journal.ToDictionary(e => e.Version);
        var statuses = Catalog.Versioned.Select(m => applied.TryGetValue(m.Version, out var entry)
            ? new MigrationStatus(m.Version, m.Description, m.TagNames, MigrationState.Applied)
            {
                AppliedOn = entry.AppliedOn, AppliedBy = entry.AppliedBy, Environment = entry.Environment, BreakingChange = m.BreakingChange, Baseline = entry.Baseline,
                Edited = entry.Checksum is { } recorded && !Checksum(m).Equals(recorded, StringComparison.OrdinalIgnoreCase),
            }
            : new MigrationStatus(m.Version, m.Description, m.TagNames, IsSelected(m) ? MigrationState.Pending : MigrationState.Skipped) { BreakingChange = m.BreakingChange });
        var missing = applied.Values.Where(e => Catalog.Find(e.Version) is null)
            .Select(e => new MigrationStatus(e.Version, e.Description ?? "", [], MigrationState.Missing) { AppliedOn = e.AppliedOn, AppliedBy = e.AppliedBy, Environment = e.Environment });
        return journal.With<MigrationStatus>(statuses.Concat(missing).OrderBy(s => s.Version).ToArray());
    }

    /// <summary>Where the journal and the code disagree; empty when they agree.</summary>
    public async Task<JournalReport<ValidationProblem>> ValidateAsync(CancellationToken cancellationToken = default)
    {
        RejectIrreversibleAutoReversing(Catalog.Versioned);
        var applied = await ReadJournalAsync(cancellationToken);
        if (Catalog.Versioned.Count > 0 && !applied.JournalExists)
        {
            // An absent journal is not a matching one: either nothing was ever deployed here, or the table was lost.
            return applied.With<ValidationProblem>([new ValidationProblem(0, ValidationProblemKind.NoJournal,
                $"there is no journal ({applied.Journal} does not exist): nothing is recorded as applied, so all {Catalog.Versioned.Count} migrations are pending; " +
                "if this database already has its tables, do not migrate it (the journal was dropped or another tool built it)")]);
        }

        var plan = Planner.PlanUp(applied);
        var problems = new List<ValidationProblem>();
        problems.AddRange(plan.MissingFromCode.Select(e =>
            new ValidationProblem(e.Version, ValidationProblemKind.MissingFromCode, $"version {e.Version} ({e.Description}) is applied but no longer in the code")));
        foreach (var entry in applied.Where(e => e.Checksum is not null))
        {
            var recorded = entry.Checksum!;
            if (Catalog.Find(entry.Version) is { } migration && Checksum(migration) is var now && !now.Equals(recorded, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(entry.Version, ValidationProblemKind.ChecksumChanged,
                    $"{migration.Name} was edited after it was applied (checksum {recorded[..Math.Min(12, recorded.Length)]} is now {now[..12]})"));
            }
        }

        problems.AddRange(plan.OutOfOrder.Select(m => new ValidationProblem(m.Version, ValidationProblemKind.OutOfOrder,
            $"{m.Name} is pending but older than the newest applied version {applied.Max(e => e.Version)}")));
        return applied.With<ValidationProblem>(problems);
    }

    /// <summary>
    /// The checksum of a migration's Up(), built without a database (see <see cref="ExpressionFingerprint"/>)
    /// once per database kind, so every <c>IfDatabase</c> branch counts and the checksum is the same
    /// whichever provider the journal row was written by.
    /// </summary>
    public string Checksum(MigrationInfo migration)
    {
        using var provider = new ServiceCollection()
            .AddSingleton(new Authoring.RunSettings(Options.Environment, Options.Tags, Options.SeedScale))
            .BuildServiceProvider();
        var expressions = ChecksumDatabases.SelectMany(ids =>
            Build(migration, new BuiltMigration(migration.CreateInstance(provider)), up: true, NeutralQuerySchema.For(ids), provider, ""));
        return ExpressionFingerprint.Compute(expressions);
    }

    private static readonly IReadOnlyList<IReadOnlyList<string>> ChecksumDatabases =
        [new Postgres.PostgresProvider().ProcessorIds, new Sqlite.SqliteProvider().ProcessorIds];

    /// <summary>
    /// An <see cref="AutoReversingMigration"/> whose Up() cannot be reversed is refused before it
    /// is applied, not discovered at the rollback that needs it (FluentMigrator #439).
    /// </summary>
    private void RejectIrreversibleAutoReversing(IEnumerable<MigrationInfo> migrations)
    {
        foreach (var migration in migrations.Where(m => typeof(AutoReversingMigration).IsAssignableFrom(m.Type)))
        {
            using var provider = new ServiceCollection()
                .AddSingleton(new Authoring.RunSettings(Options.Environment, Options.Tags, Options.SeedScale))
                .BuildServiceProvider();
            try
            {
                Build(migration, new BuiltMigration(migration.CreateInstance(provider)), up: false, NeutralQuerySchema.For(Options.Provider.ProcessorIds), provider, "");
            }
            catch (IrreversibleMigrationException ex)
            {
                throw new InvalidMigrationException($"{Database}: {migration.Name} is an AutoReversingMigration whose Up() cannot be reversed ({ex.Message}); write it as a Migration with a Down()");
            }
        }
    }

    // Read-only: a database that is not there has applied nothing, and is not created by asking; the journal is read as it is, never upgraded.
    private async Task<JournalReport<JournalEntry>> ReadJournalAsync(CancellationToken cancellationToken)
    {
        if (!Options.Provider.Exists(Options.ConnectionString))
        {
            return new([], journalExists: false, JournalLayout.DisplayName(JournalSchema));
        }

        try
        {
            await using var connection = await Options.Provider.OpenAsync(RunConnectionString, cancellationToken);
            var schema = await JournalLocation.FindAsync(connection, JournalSchema, cancellationToken);
            return await new JournalStore(connection, schema, Database).ReadAsync(cancellationToken);
        }
        catch (Exception ex) when (AsLockTimeout(ex) is { } locked)
        {
            throw locked;
        }
    }

    // Every connection of a run waits for another client's lock no longer than the lock timeout.
    private string RunConnectionString => Options.Provider.Normalize(Options.ConnectionString, Options.LockTimeout);

    private LockTimeoutException? AsLockTimeout(Exception error) => Options.Provider.AsLockTimeout(error, Options.ConnectionString, Options.LockTimeout);

    private void RequireKnown(long version)
    {
        if (version != 0 && Catalog.Find(version) is null)
        {
            throw new UnknownVersionException($"{Database}: no migration has version {version}");
        }
    }

    private async Task<RunResult> UpAsync(Run run, IReadOnlyList<JournalEntry> applied, long? target, CancellationToken cancellationToken)
    {
        if (target is { } wanted)
        {
            RequireKnown(wanted);
        }

        var plan = Planner.PlanUp(applied, target);
        if (plan.MissingFromCode.Count > 0 && !Options.AllowMissingApplied)
        {
            throw new JournalMismatchException($"{Database}: applied version(s) {string.Join(", ", plan.MissingFromCode.Select(e => e.Version))} are not in the code; deploy the code that has them, or allow missing migrations (--allow-missing)");
        }

        if (plan.OutOfOrder.Count > 0 && !Options.AllowOutOfOrder)
        {
            throw new JournalMismatchException($"{Database}: {string.Join(", ", plan.OutOfOrder.Select(m => m.Name))} pending but older than the newest applied version {applied.Max(e => e.Version)}; allow out-of-order migrations (--allow-out-of-order) to apply them");
        }

        if (plan.BreakingChanges.ToArray() is { Length: > 0 } breaking && !Options.AllowBreakingChange)
        {
            throw new MigrationRefusedException($"{Database}: {string.Join(", ", breaking.Select(m => m.Name))} is marked as a breaking change; allow breaking changes (--allow-breaking-change) to apply it");
        }

        RejectIrreversibleAutoReversing(plan.Pending);
        var result = new RunResult();
        result.Skipped.AddRange(plan.Skipped);

        // Logged in version order among the applied ones: the log reads in the order of the migrations.
        var unlogged = new Queue<MigrationInfo>(plan.Skipped.OrderBy(m => m.Version));
        void LogSkippedBefore(long version)
        {
            while (unlogged.TryPeek(out var skipped) && skipped.Version < version)
            {
                unlogged.Dequeue();
                _logger.LogInformation(LogEvents.MigrationSkipped, "{Database}: skipped {Version} {Description}: tagged [{MigrationTags}], run tags [{RunTags}]",
                    Database, skipped.Version, skipped.Description, skipped.TagNames.ToArray(), Options.Tags.ToArray());
            }
        }

        if (plan.Pending.Count == 0 && Options.Profile is null && Catalog.Maintenance.Count == 0)
        {
            LogSkippedBefore(long.MaxValue);
            return result;
        }

        var session = run.Session();
        var steps = plan.Pending.Select(m => Prepare(session, m, up: true)).ToArray();
        await GuardAndBackUpAsync(run, steps, up: true, result, "migrate", cancellationToken);
        session.Runner.ApplyMaintenance(MigrationStage.BeforeAll, true);
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LogSkippedBefore(step.Info.Version);
            session.Runner.ApplyMaintenance(MigrationStage.BeforeEach, true);
            session.Row.SetChecksum(step.Info.Version, Checksum(step.Info));
            var current = await WithChildRulesAsync(run, await RebuildAsync(run, step, up: true, "migrate", cancellationToken), up: true, "migrate", cancellationToken);
            result.Applied.Add((step.Info, Execute(run, current, up: true, cancellationToken)));
            session.Runner.ApplyMaintenance(MigrationStage.AfterEach, true);
        }

        LogSkippedBefore(long.MaxValue);
        session.Runner.ApplyMaintenance(MigrationStage.BeforeProfiles, true);
        RunProfiles(run, result);
        session.Runner.ApplyMaintenance(MigrationStage.AfterAll, true);
        return result;
    }

    private async Task<RunResult> DownAsync(Run run, IReadOnlyList<MigrationInfo> migrations, CancellationToken cancellationToken)
    {
        var result = new RunResult();
        if (migrations.Count == 0)
        {
            return result;
        }

        var session = run.Session();
        var steps = migrations.Select(m => Prepare(session, m, up: false)).ToArray();
        await GuardAndBackUpAsync(run, steps, up: false, result, "rollback", cancellationToken);
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = await WithChildRulesAsync(run, await RebuildAsync(run, step, up: false, "rollback", cancellationToken), up: false, "rollback", cancellationToken);
            result.RolledBack.Add((step.Info, Execute(run, current, up: false, cancellationToken)));
        }

        return result;
    }

    private void RunProfiles(Run run, RunResult result)
    {
        // Names match exactly, as in FluentMigrator; a near miss ("development") is worth a warning, not silence.
        if (Options.Profile is not { } wanted)
        {
            return;
        }

        var matching = Catalog.Profiles.Where(p => p.Profile == wanted).Select(p => p.Info).ToArray();
        if (matching.Length == 0)
        {
            var near = Catalog.Profiles.Select(p => p.Profile).FirstOrDefault(p => p.Equals(wanted, StringComparison.OrdinalIgnoreCase));
            _logger.LogWarning(LogEvents.ProfileMissing, "{Database}: no profile named {Profile}{Hint}", Database, wanted, near is null ? "" : $" (did you mean {near}? names are case-sensitive)");
            return;
        }

        var session = run.Session();
        foreach (var profile in matching)
        {
            session.Statements.Comment($"profile {profile.Type.Name}");
            var clock = Stopwatch.StartNew();
            try
            {
                session.Runner.Up(profile.CreateInstance(session.Services));
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not MigrationException)
            {
                throw Failed(session, profile, ex, onCopy: run.Script is not null);
            }

            result.ProfilesRun.Add(profile.Type.Name);
            _logger.LogInformation(LogEvents.ProfileRan, "{Database}: profile {Profile} ran in {DurationMs} ms", Database, profile.Type.Name, clock.ElapsedMilliseconds);
        }
    }

    /// <summary>A migration built once, against the live database, with what the guard and the executor need.</summary>
    private sealed record Step(MigrationInfo Info, BuiltMigration Migration, IReadOnlyList<IMigrationExpression> Expressions);

    private Step Prepare(FluentSession session, MigrationInfo info, bool up)
    {
        var built = new BuiltMigration(info.CreateInstance(session.Services));
        var expressions = Build(info, built, up, session.Processor, session.Services, Options.ConnectionString);
        Validate(session, info, built, expressions);
        return new Step(info, built, expressions);
    }

    /// <summary>
    /// FluentMigrator's conventions and expression validation, run when the migration is prepared,
    /// so an invalid migration stops the run before anything changed, with its class named.
    /// </summary>
    private void Validate(FluentSession session, MigrationInfo info, BuiltMigration built, IReadOnlyList<IMigrationExpression> expressions)
    {
        var validator = ActivatorUtilities.CreateInstance<MigrationValidator>(session.Services, new DefaultMigrationExpressionValidator(session.Services));
        var problems = new List<string>();
        try
        {
            validator.ApplyConventionsToAndValidateExpressions(built.Inner, expressions);
        }
        catch (FluentMigrator.Runner.Exceptions.InvalidMigrationException ex)
        {
            problems.Add(ex.Message.Replace(Environment.NewLine, " ", StringComparison.Ordinal).Trim());
        }

        problems.AddRange(ColumnProblems(expressions));
        if (problems.Count > 0)
        {
            throw new InvalidMigrationException($"{Database}: migration {info.Name} is invalid, nothing was changed: {string.Join(" ", problems)}");
        }
    }

    // FluentMigrator validates an expression's own properties; a column of a new table is checked only when it is generated.
    private static IEnumerable<string> ColumnProblems(IEnumerable<IMigrationExpression> expressions) =>
        expressions.OfType<CreateTableExpression>().SelectMany(table => table.Columns).SelectMany(column =>
        {
            var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            System.ComponentModel.DataAnnotations.Validator.TryValidateObject(column, new(column), results, validateAllProperties: true);
            return results.Select(r => $"column {column.Name}: {r.ErrorMessage}");
        }).Distinct();

    /// <summary>
    /// A migration that asked <c>Schema.Table(..).Exists()</c> while it was built is built again
    /// just before it runs, against the schema the earlier steps left, so it sees their work; every
    /// other migration runs the expressions built (and measured) before the run, built once. When the
    /// second build differs from the one the guard measured, the guard measures it again before it runs.
    /// </summary>
    private async Task<Step> RebuildAsync(Run run, Step step, bool up, string operation, CancellationToken cancellationToken)
    {
        if (!step.Migration.AskedTheDatabase)
        {
            return step;
        }

        var session = run.Session();
        var current = Prepare(session, step.Info, up);
        if (run.Script is null && !Options.AllowDataLoss && ExpressionFingerprint.Compute(current.Expressions) != ExpressionFingerprint.Compute(step.Expressions))
        {
            var guard = Guard(run);
            if ((await guard.MeasureAsync(current.Info, current.Expressions, up, cancellationToken)).ToArray() is { Length: > 0 } losses)
            {
                throw new DataLossException(
                    $"{Database}: refusing to {operation} {step.Info.Name}, built against the schema the earlier steps left it would destroy data: {string.Join("; ", losses)}. " +
                    "The steps before it were applied, nothing of it was changed; allow data loss (--allow-data-loss) to go ahead", losses);
            }
        }

        return current;
    }

    /// <summary>
    /// Rows of other tables that still reference a table this step drops, where the database would
    /// not apply their key's rule itself (the step deletes the key first; SQLite, whose rebuilds run
    /// with foreign keys off): the rule's statements (delete for CASCADE, clear for SET NULL) run
    /// first, in the step's transaction, so no row is left pointing at nothing and a later migrate
    /// can create the key again. Measured just before the step, on the schema earlier steps left.
    /// </summary>
    private async Task<Step> WithChildRulesAsync(Run run, Step step, bool up, string operation, CancellationToken cancellationToken)
    {
        var effects = (await Guard(run).ChildEffectsAsync(step.Expressions, cancellationToken)).Where(e => e.RunnerApplies).ToArray();
        if (effects.Length == 0)
        {
            return step;
        }

        var lines = effects.Select(e => $"{step.Info.Name} would {e.What}: {e.Rows} row(s)").ToArray();
        if (effects.Any(e => e.Blocks) || (!Options.AllowDataLoss && run.Script is null))
        {
            // Rows the steps before it left: the guard measured the run before they existed.
            throw new DataLossException(
                $"{Database}: refusing to {operation} {step.Info.Name}, built against the schema the earlier steps left it would destroy data: {string.Join("; ", lines)}. " +
                "The steps before it were applied, nothing of it was changed", lines);
        }

        var statements = effects.Select(e => (IMigrationExpression)new ExecuteSqlStatementExpression { SqlStatement = e.Statement! }).ToArray();
        step.Migration.Prepend(up, statements);
        return step with { Expressions = [.. statements, .. step.Expressions] };
    }

    private IReadOnlyList<IMigrationExpression> Build(MigrationInfo info, BuiltMigration built, bool up, IQuerySchema querySchema, IServiceProvider services, string connectionString)
    {
        try
        {
            return built.Build(up, querySchema, services, connectionString);
        }
        catch (InvalidOperationException ex) when (!up && ex.Message.Contains("Only forward migration", StringComparison.Ordinal))
        {
            throw new IrreversibleMigrationException($"{Database}: {info.Name} is forward-only and cannot be rolled back; nothing was changed");
        }
        catch (NotSupportedException ex) when (!up)
        {
            throw new IrreversibleMigrationException($"{Database}: {info.Name} cannot be rolled back: {ex.Message}; nothing was changed");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new InvalidMigrationException($"{Database}: migration {info.Name}: {ex.Message}");
        }
        catch (NotImplementedException ex)
        {
            // A migration whose Up() or Down() is not written yet (the runner's new command writes them so): refused before anything runs.
            throw new MigrationFailedException(Database, info.Name, null, ex.Message, ex);
        }
    }

    /// <summary>
    /// Before the first change: measures what the steps would destroy and refuses (nothing changed)
    /// unless data loss is allowed; then takes the backup, if one was asked for. Not for scripts.
    /// </summary>
    private async Task GuardAndBackUpAsync(Run run, IReadOnlyList<Step> steps, bool up, RunResult result, string operation, CancellationToken cancellationToken)
    {
        if (run.Script is not null || steps.Count == 0)
        {
            return;
        }

        var guard = Guard(run);
        var losses = new List<string>();
        foreach (var step in steps)
        {
            losses.AddRange(Options.AllowDataLoss
                ? await guard.MeasureChildrenAsync(step.Info, step.Expressions, cancellationToken)
                : await guard.MeasureAsync(step.Info, step.Expressions, up, cancellationToken));
        }

        if (guard.Blockers.Count > 0)
        {
            throw new DataLossException(
                $"{Database}: refusing to {operation}: {string.Join("; ", guard.Blockers)}, and their foreign key forbids deleting the rows they reference. " +
                "Nothing was changed; --allow-data-loss does not leave rows pointing at nothing: delete or re-point them first", Options.AllowDataLoss ? guard.Blockers : losses);
        }

        if (!Options.AllowDataLoss)
        {
            if (losses.Count > 0)
            {
                throw new DataLossException(
                    $"{Database}: refusing to {operation}, it would destroy data: {string.Join("; ", losses)}. Nothing was changed; " +
                    "take a backup (--backup DIR) and allow data loss (--allow-data-loss) to go ahead", losses);
            }
        }

        if (Options.BackupDirectory is { } directory)
        {
            result.BackupPath = await Options.Provider.BackupAsync(RunConnectionString, directory, $"{Database}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-before-{operation}", cancellationToken);
            _logger.LogInformation(LogEvents.BackupTaken, "{Database}: backup taken before {Operation}: {Path}", Database, operation, result.BackupPath);
        }
    }

    /// <summary>The guard on our connection, quoting as the run's FluentMigrator generator does.</summary>
    private DataLossGuard Guard(Run run) =>
        new(run.Connection, Options.Provider, run.Session().Services.GetRequiredService<IMigrationGenerator>(), JournalSchema is null ? null : "public")
        {
            ScriptsEveryRule = run.Script is not null,
        };

    /// <summary>
    /// Hands one migration to FluentMigrator's runner, which runs it in its transaction with its
    /// journal row (or without one, for <see cref="TransactionBehavior.None"/>). On failure the
    /// error names the migration and the statement that failed.
    /// </summary>
    private TimeSpan Execute(Run run, Step step, bool up, CancellationToken cancellationToken)
    {
        var session = run.Session();
        session.Statements.Comment($"{step.Info.Name} ({(up ? "up" : "down")}): {step.Info.Description}");
        foreach (var loss in Guard(run).Destructive(step.Expressions))
        {
            session.Statements.Comment($"DESTRUCTIVE: {loss.What}");
        }

        session.Statements.StartMigration();
        session.Row.StartClock();
        var clock = Stopwatch.StartNew();
        using var cancel = cancellationToken.Register(session.Running.Cancel);
        var info = step.Info.ToFluentMigrator(step.Migration);
        var transactional = step.Info.TransactionBehavior == TransactionBehavior.Default;
        try
        {
            if (up)
            {
                session.Runner.ApplyMigrationUp(info, transactional);
            }
            else
            {
                session.Runner.ApplyMigrationDown(info, transactional);
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            var stayed = transactional ? null : session.Statements.OfThisMigration.SkipLast(1).ToArray();
            throw new MigrationCancelledException(Database, step.Info.Name, stayed, ex, cancellationToken);
        }
        catch (StatementTimeoutException ex)
        {
            throw new MigrationTimedOutException(Database, step.Info.Name, session.Statements.Last, ex.Seconds, transactional, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not MigrationException)
        {
            throw Failed(session, step.Info, ex, onCopy: run.Script is not null);
        }

        if (run.Script is null)
        {
            _logger.LogInformation(up ? LogEvents.MigrationApplied : LogEvents.MigrationRolledBack, "{Database}: {Direction} {Version} {Description} in {DurationMs} ms",
                Database, up ? "applied" : "rolled back", step.Info.Version, step.Info.Description, clock.ElapsedMilliseconds);
        }
        else
        {
            _logger.LogInformation(LogEvents.MigrationPreviewed, "{Database}: would {Direction} {Version} {Description} (preview, nothing changed)", Database, up ? "apply" : "roll back", step.Info.Version, step.Info.Description);
        }

        return clock.Elapsed;
    }

    // onCopy: a script's statements ran on its copy only; none of them stayed applied anywhere real.
    private MigrationFailedException Failed(FluentSession session, MigrationInfo migration, Exception ex, bool onCopy)
    {
        var cause = ex;
        while (cause.InnerException is not null && cause is not DbException)
        {
            cause = cause.InnerException;
        }

        var message = cause.Message.Split("While Processing:", 2)[0].Trim();
        var stayed = migration.TransactionBehavior == TransactionBehavior.None && !onCopy
            ? session.Statements.OfThisMigration.SkipLast(1).ToArray()
            : null;
        return new MigrationFailedException(Database, migration.Name, session.Statements.Last, message, ex) { StayedApplied = stayed };
    }

    /// <summary>Opens the database, takes the run lock, reads the journal and runs <paramref name="body"/>; a script runs on a stand-in.</summary>
    private async Task<RunResult> RunAsync(ScriptWriter? script, Func<Run, IReadOnlyList<JournalEntry>, Task<RunResult>> body, CancellationToken cancellationToken)
    {
        var provider = Options.Provider;
        var target = script is null ? null : await provider.OpenForScriptAsync(RunConnectionString, cancellationToken);
        try
        {
            var connectionString = target?.ConnectionString ?? RunConnectionString;
            await using var connection = await provider.OpenAsync(connectionString, cancellationToken);
            await using var runLock = script is null
                ? await provider.AcquireRunLockAsync(Options.ConnectionString, Options.LockTimeout, cancellationToken)
                : null;
            // Looked for under the lock: FluentMigrator's own journal in public is used where it is.
            var journalSchema = await JournalLocation.FindAsync(connection, JournalSchema, cancellationToken);
            var journal = new JournalStore(connection, journalSchema, Database);
            if (script is not null)
            {
                if (target?.Caveat is { } caveat)
                {
                    script.Notice(caveat);
                    _logger.LogWarning(LogEvents.ScriptPreviewed, "{Database}: {Caveat}", Database, caveat);
                }

                script.AddAll(target?.Preamble ?? []);
                script.AddAll(await journal.MissingStatementsAsync(cancellationToken));
            }

            if (target is not { PreviewOnly: true })
            {
                await journal.EnsureCreatedAsync(cancellationToken);
            }

            var applied = await journal.ReadAsync(cancellationToken);
            using var run = new Run(this, connection, connectionString, journalSchema, script, target?.PreviewOnly ?? false);
            var result = await body(run, applied);
            script?.AddAll(run.ScriptedStatements);
            if (script is not null && target?.ServerChanges is { } serverChanges && await serverChanges(cancellationToken) is { Count: > 0 } changed)
            {
                foreach (var line in changed)
                {
                    script.Notice(line);
                }

                _logger.LogWarning(LogEvents.ScriptChangedServer, "{Database}: {Changes}", Database, string.Join(" ", changed.Select(l => l.Trim())));
            }

            return result;
        }
        catch (Exception ex) when (AsLockTimeout(ex) is { } locked)
        {
            throw locked;
        }
        finally
        {
            if (target?.Keepalive is { } keepalive)
            {
                try
                {
                    await keepalive.DisposeAsync();
                }
                catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
                {
                    // The script's own outcome (and exit code) stands; what was left behind is named.
                    _logger.LogWarning(LogEvents.ScriptCopyLeft, "{Database}: the copy the script ran on could not be removed ({Reason}); drop it by hand", Database, ex.Message);
                }
            }
        }
    }

    /// <summary>One run: our connection (journal reads, the guard) and, once needed, FluentMigrator's session.</summary>
    private sealed class Run(Migrator migrator, DbConnection connection, string connectionString, string? journalSchema, ScriptWriter? script, bool preview) : IDisposable
    {
        private FluentSession? _session;

        public DbConnection Connection => connection;

        public ScriptWriter? Script => script;

        public IReadOnlyList<ScriptLine> ScriptedStatements => _session?.Statements.Lines ?? [];

        public FluentSession Session()
        {
            if (_session is not null)
            {
                return _session;
            }

            _session = FluentSession.Open(migrator.Options, connectionString, journalSchema, preview, migrator._logger);
            _session.Row.AppliedBy = migrator.Options.AppliedBy;
            _session.Row.Environment = migrator.Options.Environment;
            _session.Row.Tags = migrator.Options.Tags;

            // FluentMigrator reads (and in preview "creates") its version table when its loader is first used: not part of the script.
            _ = _session.Runner.VersionLoader.VersionInfo;
            _session.Statements.Keep = script is not null;
            _session.Statements.Observer = sql => migrator._logger.LogDebug(LogEvents.Statement, "{Database}: {Sql}", migrator.Database, sql);
            return _session;
        }

        public void Dispose() => _session?.Dispose();
    }
}
