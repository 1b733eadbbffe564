using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Migrations.Engine.Builders;
using Migrations.Engine.Dialects;
using Migrations.Engine.Expressions;
using Migrations.Engine.Journal;

namespace Migrations.Engine.Running;

/// <summary>
/// Applies, rolls back, lists, validates and scripts the migrations of one database. Every run
/// that writes holds the database's run lock from before it reads the journal until it ends;
/// each migration and its journal row commit or roll back together.
/// </summary>
public sealed class MigrationRunner
{
    private readonly MigrationRunnerOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<long, string> _checksums = [];

    public MigrationRunner(MigrationRunnerOptions options, ILogger? logger = null)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        Catalog = MigrationCatalog.Load(options.Assemblies, options.Namespace, options.NestedNamespaces);
    }

    public MigrationCatalog Catalog { get; }

    public MigrationRunnerOptions Options => _options;

    private string Database => _options.DatabaseName;

    /// <summary>Applies every pending migration (up to <paramref name="target"/>), then the profile.</summary>
    public Task<RunResult> MigrateUpAsync(long? target = null, CancellationToken cancellationToken = default) =>
        WithSessionAsync(script: null, (processor, journal) => MigrateUpCoreAsync(processor, journal, target, cancellationToken, scripting: false), cancellationToken);

    /// <summary>Undoes the newest <paramref name="steps"/> applied migrations, newest first.</summary>
    public Task<RunResult> RollbackAsync(int steps = 1, CancellationToken cancellationToken = default) =>
        WithSessionAsync(script: null, (processor, journal) => RollbackCoreAsync(processor, journal, steps, null, cancellationToken, scripting: false), cancellationToken);

    /// <summary>Undoes every applied migration newer than <paramref name="version"/>; 0 undoes all.</summary>
    public Task<RunResult> RollbackToVersionAsync(long version, CancellationToken cancellationToken = default) =>
        WithSessionAsync(script: null, (processor, journal) => RollbackCoreAsync(processor, journal, null, version, cancellationToken, scripting: false), cancellationToken);

    /// <summary>Runs the configured profile alone (the <c>seed</c> command), under the run lock; nothing is journaled.</summary>
    public Task<RunResult> SeedAsync(CancellationToken cancellationToken = default) =>
        WithSessionAsync(script: null, async (processor, journal) =>
        {
            var result = new RunResult();
            await RunProfilesAsync(processor, result, cancellationToken);
            return result;
        }, cancellationToken);

    /// <summary>FluentMigrator's MigrateDown: here the same as <see cref="RollbackToVersionAsync"/> (no profiles run on the way down).</summary>
    public Task<RunResult> MigrateDownAsync(long version, CancellationToken cancellationToken = default) =>
        RollbackToVersionAsync(version, cancellationToken);

    /// <summary>The SQL <see cref="MigrateUpAsync"/> would run, executed nowhere real.</summary>
    public async Task<string> ScriptMigrateAsync(long? target = null, CancellationToken cancellationToken = default)
    {
        var script = new ScriptWriter(_options.Dialect is Dialects.Postgres.PostgresDialect ? new Dialects.Postgres.PostgresQuoter() : new Dialects.Sqlite.SqliteQuoter());
        script.Comment($"{Database}: migrate{(target is null ? "" : $" to {target}")}, generated {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC");
        await WithSessionAsync(script, (processor, journal) => MigrateUpCoreAsync(processor, journal, target, cancellationToken, scripting: true), cancellationToken);
        return script.ToString();
    }

    /// <summary>The SQL a rollback would run: <paramref name="steps"/> versions, or down to <paramref name="toVersion"/>.</summary>
    public async Task<string> ScriptRollbackAsync(int? steps, long? toVersion, CancellationToken cancellationToken = default)
    {
        var script = new ScriptWriter(_options.Dialect is Dialects.Postgres.PostgresDialect ? new Dialects.Postgres.PostgresQuoter() : new Dialects.Sqlite.SqliteQuoter());
        script.Comment($"{Database}: rollback, generated {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC");
        await WithSessionAsync(script, (processor, journal) => RollbackCoreAsync(processor, journal, toVersion is null ? steps ?? 1 : null, toVersion, cancellationToken, scripting: true), cancellationToken);
        return script.ToString();
    }

    /// <summary>Every migration in the code and every journal row, oldest first.</summary>
    public async Task<IReadOnlyList<MigrationStatus>> ListMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var processor = await OpenAsync(preview: false, cancellationToken);
        var applied = new VersionJournal(processor).Read().ToDictionary(e => e.Version);
        var statuses = Catalog.Versioned.Select(m => applied.TryGetValue(m.Version, out var entry)
            ? new MigrationStatus(m.Version, m.Description, m.TagNames, MigrationState.Applied)
            {
                AppliedOn = entry.AppliedOn, AppliedBy = entry.AppliedBy, Environment = entry.Environment, BreakingChange = m.BreakingChange,
            }
            : new MigrationStatus(m.Version, m.Description, m.TagNames, IsSelected(m) ? MigrationState.Pending : MigrationState.Skipped) { BreakingChange = m.BreakingChange });
        var missing = applied.Values.Where(e => Catalog.Find(e.Version) is null)
            .Select(e => new MigrationStatus(e.Version, e.Description ?? "", [], MigrationState.Missing) { AppliedOn = e.AppliedOn, AppliedBy = e.AppliedBy, Environment = e.Environment });
        return statuses.Concat(missing).OrderBy(s => s.Version).ToArray();
    }

    /// <summary>Where the journal and the code disagree; empty when they agree.</summary>
    public async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(CancellationToken cancellationToken = default)
    {
        CheckLoadable();
        await using var processor = await OpenAsync(preview: false, cancellationToken);
        var applied = new VersionJournal(processor).Read();
        var problems = new List<ValidationProblem>();
        foreach (var entry in applied)
        {
            var migration = Catalog.Find(entry.Version);
            if (migration is null)
            {
                problems.Add(new(entry.Version, ValidationProblemKind.MissingFromCode, $"version {entry.Version} ({entry.Description}) is applied but no longer in the code"));
            }
            else if (entry.Checksum is not null && entry.Checksum != _checksums[entry.Version])
            {
                problems.Add(new(entry.Version, ValidationProblemKind.ChecksumChanged, $"{migration.Name} was edited after it was applied (checksum {Short(entry.Checksum)} is now {Short(_checksums[entry.Version])})"));
            }
        }

        problems.AddRange(OutOfOrder(applied).Select(m =>
            new ValidationProblem(m.Version, ValidationProblemKind.OutOfOrder, $"{m.Name} is pending but older than the newest applied version {applied.Max(e => e.Version)}")));
        return problems;
    }

    private static string Short(string checksum) => checksum.Length > 12 ? checksum[..12] : checksum;

    public bool IsSelected(MigrationInfo migration) =>
        TagMatcher.IsSelected(migration.TagAttributes, _options.Tags.ToArray(), _options.IncludeUntaggedMigrations);

    private async Task<RunResult> MigrateUpCoreAsync(DatabaseProcessor processor, VersionJournal journal, long? target, CancellationToken cancellationToken, bool scripting)
    {
        if (target is { } wanted && wanted != 0 && Catalog.Find(wanted) is null)
        {
            throw new UnknownVersionException($"{Database}: no migration has version {wanted}");
        }

        var result = new RunResult();
        await journal.EnsureCreatedAsync(cancellationToken);
        await RunMaintenanceAsync(processor, MigrationStage.BeforeAll, cancellationToken);
        var applied = journal.Read();
        var appliedVersions = applied.Select(e => e.Version).ToHashSet();

        var missing = applied.Where(e => Catalog.Find(e.Version) is null).Select(e => e.Version).ToArray();
        if (missing.Length > 0 && !_options.AllowMissingApplied)
        {
            throw new JournalMismatchException($"{Database}: applied version(s) {string.Join(", ", missing)} are not in the code; deploy the code that has them, or allow missing migrations");
        }

        var outOfOrder = OutOfOrder(applied).ToArray();
        if (outOfOrder.Length > 0 && !_options.AllowOutOfOrder)
        {
            throw new JournalMismatchException($"{Database}: {string.Join(", ", outOfOrder.Select(m => m.Name))} pending but older than the newest applied version {applied.Max(e => e.Version)}; allow out-of-order migrations to apply them");
        }

        foreach (var skipped in Catalog.Versioned.Where(m => !appliedVersions.Contains(m.Version) && !IsSelected(m)))
        {
            result.Skipped.Add(skipped);
            _logger.LogInformation("{Database}: skipped {Version} {Description}: tagged [{MigrationTags}], run tags [{RunTags}]",
                Database, skipped.Version, skipped.Description, string.Join(", ", skipped.TagNames), string.Join(", ", _options.Tags));
        }

        var pending = Catalog.Versioned.Where(m => !appliedVersions.Contains(m.Version) && IsSelected(m) && m.Version <= (target ?? long.MaxValue)).ToArray();
        var breaking = pending.Where(m => m.BreakingChange).ToArray();
        if (breaking.Length > 0 && !_options.AllowBreakingChange)
        {
            throw new MigrationRefusedException($"{Database}: {string.Join(", ", breaking.Select(m => m.Name))} is marked as a breaking change; allow breaking changes to apply it");
        }

        if (!scripting)
        {
            await GuardAndBackUpAsync(processor, pending, up: true, result, "migrate", cancellationToken);
        }

        foreach (var migration in pending)
        {
            await RunMaintenanceAsync(processor, MigrationStage.BeforeEach, cancellationToken);
            var duration = await ApplyAsync(processor, migration, up: true, journal, cancellationToken);
            result.Applied.Add((migration, duration));
            await RunMaintenanceAsync(processor, MigrationStage.AfterEach, cancellationToken);
        }

        await RunMaintenanceAsync(processor, MigrationStage.BeforeProfiles, cancellationToken);
        await RunProfilesAsync(processor, result, cancellationToken);
        await RunMaintenanceAsync(processor, MigrationStage.AfterAll, cancellationToken);
        return result;
    }

    private async Task RunProfilesAsync(DatabaseProcessor processor, RunResult result, CancellationToken cancellationToken)
    {
        // Names match exactly, as in FluentMigrator; a near miss ("development") is worth a warning, not silence.
        if (_options.Profile is { } wanted && Catalog.Profiles.All(p => p.Profile != wanted))
        {
            var near = Catalog.Profiles.Select(p => p.Profile).FirstOrDefault(p => p.Equals(wanted, StringComparison.OrdinalIgnoreCase));
            _logger.LogWarning("{Database}: no profile named {Profile}{Hint}", Database, wanted, near is null ? "" : $" (did you mean {near}? names are case-sensitive)");
        }

        foreach (var (_, profile) in Catalog.Profiles.Where(p => p.Profile == _options.Profile))
        {
            await ApplyAsync(processor, profile, up: true, journal: null, cancellationToken);
            result.ProfilesRun.Add(profile.Type.Name);
        }
    }

    private async Task<RunResult> RollbackCoreAsync(DatabaseProcessor processor, VersionJournal journal, int? steps, long? toVersion, CancellationToken cancellationToken, bool scripting)
    {
        if (steps is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), "steps must be at least 1");
        }

        if (toVersion is { } to && to != 0 && Catalog.Find(to) is null)
        {
            throw new UnknownVersionException($"{Database}: no migration has version {to}");
        }

        var result = new RunResult();
        var applied = journal.Read().OrderByDescending(e => e.Version).ToArray();
        var undo = (steps is { } n ? applied.Take(n) : applied.Where(e => e.Version > toVersion!.Value)).ToArray();
        var migrations = undo.Select(e => Catalog.Find(e.Version)
            ?? throw new JournalMismatchException($"{Database}: applied version {e.Version} ({e.Description}) is not in the code, so it cannot be rolled back")).ToArray();

        // Refuse before anything runs if any step cannot be undone.
        foreach (var migration in migrations)
        {
            BuildNeutral(migration, up: false);
        }

        if (!scripting)
        {
            await GuardAndBackUpAsync(processor, migrations, up: false, result, "rollback", cancellationToken);
        }

        foreach (var migration in migrations)
        {
            var duration = await ApplyAsync(processor, migration, up: false, journal, cancellationToken);
            result.RolledBack.Add((migration, duration));
        }

        return result;
    }

    /// <summary>
    /// Before the first change: measures what the migrations would destroy and refuses (nothing
    /// changed) unless data loss is allowed; then takes the backup, if one was asked for.
    /// </summary>
    private async Task GuardAndBackUpAsync(DatabaseProcessor processor, IReadOnlyList<MigrationInfo> migrations, bool up, RunResult result, string operation, CancellationToken cancellationToken)
    {
        if (migrations.Count == 0)
        {
            return;
        }

        if (!_options.AllowDataLoss)
        {
            var losses = new List<string>();
            foreach (var migration in migrations)
            {
                var expressions = Build(migration, migration.CreateInstance(), processor, up);
                losses.AddRange(expressions.SelectMany(e => e.DataLoss())
                    .Select(probe => (probe, count: Measure(processor, probe)))
                    .Where(m => m.count > 0)
                    .Select(m => $"{migration.Name} would {m.probe.What}: {m.count} {(m.probe.ColumnName is null ? "row(s)" : "value(s)")}"));
                if (!up && migration.Type.GetCustomAttributes(typeof(LosesDataOnRollbackAttribute), false) is [LosesDataOnRollbackAttribute marked])
                {
                    losses.Add($"{migration.Name} loses data on rollback by design: {marked.Reason}");
                }
            }

            if (losses.Count > 0)
            {
                throw new DataLossException(
                    $"{Database}: refusing to {operation}, it would destroy data: {string.Join("; ", losses)}. Nothing was changed; " +
                    "take a backup (--backup DIR) and allow data loss (--allow-data-loss) to go ahead", losses);
            }
        }

        if (_options.BackupDirectory is { } directory)
        {
            result.BackupPath = await _options.Dialect.BackupAsync(_options.ConnectionString, directory, $"{Database}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-before-{operation}", cancellationToken);
            _logger.LogInformation("{Database}: backup taken before {Operation}: {Path}", Database, operation, result.BackupPath);
        }
    }

    /// <summary>Rows (or non-null values) a probe would destroy now; 0 when its table or column does not exist.</summary>
    private static long Measure(DatabaseProcessor processor, DataLossProbe probe)
    {
        if (!processor.TableExists(probe.SchemaName, probe.TableName)
            || (probe.ColumnName is { } column && !processor.ColumnExists(probe.SchemaName, probe.TableName, column))
            || (probe.NewType is { } newType && !processor.ConvertsLossily(probe.SchemaName, probe.TableName, probe.ColumnName!, newType)))
        {
            return 0;
        }

        var generator = processor.Generator;
        var condition = probe.ColumnName is { } name ? $" WHERE {generator.Quoter.Quote(name)} IS NOT NULL"
            : probe.Where is { Count: > 0 } where ? $" WHERE {generator.WhereClause(where)}"
            : "";
        return Convert.ToInt64(processor.Scalar($"SELECT count(*) FROM {generator.Table(probe.SchemaName, probe.TableName)}{condition}"), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs one migration's Up or Down in its transaction with its journal row (none for profiles
    /// and maintenance). On failure the transaction rolls back and the error names the migration.
    /// </summary>
    private async Task<TimeSpan> ApplyAsync(DatabaseProcessor processor, MigrationInfo migration, bool up, VersionJournal? journal, CancellationToken cancellationToken)
    {
        var instance = migration.CreateInstance();
        var expressions = Build(migration, instance, processor, up);
        var transactional = migration.TransactionBehavior == TransactionBehavior.Default;
        processor.StatementObserver?.Invoke(SqlStatement.Comment($"{migration.Name} ({(up ? "up" : "down")}): {migration.Description}"));
        var clock = Stopwatch.StartNew();
        try
        {
            if (transactional)
            {
                await processor.BeginAsync(expressions, cancellationToken);
            }

            foreach (var expression in expressions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var loss in expression.DataLoss().Where(p => p.NewType is null
                             || processor.ConvertsLossily(p.SchemaName, p.TableName, p.ColumnName!, p.NewType)))
                {
                    processor.StatementObserver?.Invoke(SqlStatement.Comment($"DESTRUCTIVE: {loss.What}"));
                }

                await processor.ProcessAsync(expression, cancellationToken);
            }

            if (journal is not null)
            {
                var row = up
                    ? journal.Insert(new Journal.JournalEntry(migration.Version, DateTime.UtcNow, migration.Description)
                    {
                        Checksum = Checksum(migration),
                        DurationMs = clock.ElapsedMilliseconds,
                        AppliedBy = _options.AppliedBy,
                        Environment = _options.Environment,
                        Tags = _options.Tags.Count == 0 ? null : string.Join(",", _options.Tags),
                    })
                    : journal.Delete(migration.Version);
                await processor.ExecuteAsync(row, cancellationToken);
            }

            if (transactional)
            {
                await processor.CommitAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not LockTimeoutException)
        {
            await processor.RollbackAsync();
            if (ex is OperationCanceledException)
            {
                _logger.LogWarning("{Database}: {Migration} was cancelled and rolled back", Database, migration.Name);
                throw;
            }

            var statement = ex as StatementFailedException;
            throw new MigrationFailedException(Database, migration.Name, statement?.Statement, statement?.ProviderMessage ?? ex.Message, ex);
        }

        _logger.LogInformation("{Database}: {Direction} {Version} {Description} in {DurationMs} ms",
            Database, up ? "applied" : "rolled back", migration.Version, migration.Description, clock.ElapsedMilliseconds);
        return clock.Elapsed;
    }

    private async Task RunMaintenanceAsync(DatabaseProcessor processor, MigrationStage stage, CancellationToken cancellationToken)
    {
        var selected = Catalog.Maintenance.Where(m => m.Stage.Stage == stage
            && TagMatcher.IsSelected(m.Info.TagAttributes, _options.Tags.ToArray(), _options.IncludeUntaggedMaintenances));
        foreach (var (_, maintenance) in selected)
        {
            await ApplyAsync(processor, maintenance, up: true, journal: null, cancellationToken);
        }
    }

    /// <summary>The expressions to execute on this database: built, validated, IfDatabase branches resolved.</summary>
    private IReadOnlyList<MigrationExpression> Build(MigrationInfo migration, IMigration instance, DatabaseProcessor processor, bool up)
    {
        var run = new RunSettings(_options.Environment, _options.Tags, _options.SeedScale);
        var context = new MigrationContext(processor.DatabaseType, processor, migration.Name, processor.DatabaseTypeNames, run);
        var expressions = BuildInto(migration, instance, context, up);
        foreach (var message in context.Messages)
        {
            _logger.LogInformation("{Database}: {Migration}: {Message}", Database, migration.Name, message);
        }

        return Flatten(expressions, processor.DatabaseTypeNames).ToArray();
    }

    private IReadOnlyList<MigrationExpression> BuildInto(MigrationInfo migration, IMigration instance, MigrationContext context, bool up)
    {
        try
        {
            if (up)
            {
                instance.GetUpExpressions(context);
            }
            else
            {
                instance.GetDownExpressions(context);
            }
        }
        catch (MigrationException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new InvalidMigrationException($"{Database}: migration {migration.Name}: {ex.Message}");
        }

        var expressions = context.BuildExpressions();
        var errors = expressions.SelectMany(e => e.Validate()).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidMigrationException($"{Database}: migration {migration.Name} is invalid: {string.Join("; ", errors)}");
        }

        return expressions;
    }

    private static IEnumerable<MigrationExpression> Flatten(IEnumerable<MigrationExpression> expressions, IReadOnlyList<string> databaseTypeNames) =>
        expressions.SelectMany(e => e is IfDatabaseExpression branch
            ? branch.Matches(databaseTypeNames) ? Flatten(branch.Expressions, databaseTypeNames) : []
            : [e]);

    /// <summary>Builds a migration without a database (every branch, existence queries false): for checksums and load-time checks.</summary>
    private IReadOnlyList<MigrationExpression> BuildNeutral(MigrationInfo migration, bool up)
    {
        var context = new MigrationContext(MigrationChecksum.NeutralDatabaseType, NeutralQuerySchema.Instance, migration.Name);
        return BuildInto(migration, migration.CreateInstance(), context, up);
    }

    // CheckLoadable has computed every versioned migration's checksum before anything runs.
    private string Checksum(MigrationInfo migration) => _checksums[migration.Version];

    /// <summary>
    /// Loads every migration once without a database: invalid expressions, and auto-reversing
    /// migrations whose Up() cannot be reversed, are rejected here, before anything runs.
    /// </summary>
    private void CheckLoadable()
    {
        foreach (var migration in Catalog.Versioned)
        {
            var expressions = BuildNeutral(migration, up: true);
            _checksums[migration.Version] = MigrationChecksum.Compute(expressions);
            if (typeof(AutoReversingMigration).IsAssignableFrom(migration.Type))
            {
                try
                {
                    BuildNeutral(migration, up: false);
                }
                catch (IrreversibleMigrationException ex)
                {
                    throw new InvalidMigrationException($"{Database}: {ex.Message}");
                }
            }
        }
    }

    private IEnumerable<MigrationInfo> OutOfOrder(IReadOnlyList<Journal.JournalEntry> applied)
    {
        if (applied.Count == 0)
        {
            return [];
        }

        var newest = applied.Max(e => e.Version);
        var appliedVersions = applied.Select(e => e.Version).ToHashSet();
        return Catalog.Versioned.Where(m => m.Version < newest && !appliedVersions.Contains(m.Version) && IsSelected(m));
    }

    private async Task<DatabaseProcessor> OpenAsync(bool preview, CancellationToken cancellationToken)
    {
        var options = new ProcessorOptions { CommandTimeout = _options.CommandTimeout };
        return preview
            ? await _options.Dialect.OpenForScriptAsync(_options.ConnectionString, options, cancellationToken)
            : await _options.Dialect.OpenAsync(_options.ConnectionString, options, cancellationToken);
    }

    /// <summary>Opens the database (or a scratch stand-in for a script), takes the run lock, and runs <paramref name="body"/>.</summary>
    private async Task<RunResult> WithSessionAsync(ScriptWriter? script, Func<DatabaseProcessor, VersionJournal, Task<RunResult>> body, CancellationToken cancellationToken)
    {
        CheckLoadable();
        await using var processor = await OpenAsync(preview: script is not null, cancellationToken);
        var journal = new VersionJournal(processor);
        if (script is not null)
        {
            processor.StatementObserver = statement =>
            {
                if (statement.IsComment)
                {
                    script.Comment(statement.Sql);
                }
                else
                {
                    script.Add(statement);
                }
            };
        }
        else
        {
            processor.StatementObserver = statement =>
            {
                if (!statement.IsComment)
                {
                    _logger.LogDebug("{Database}: {Sql}", Database, statement.Sql);
                }
            };
        }

        await using var runLock = await processor.AcquireRunLockAsync(journal.QualifiedName, _options.LockTimeout, cancellationToken);
        return await body(processor, journal);
    }
}
