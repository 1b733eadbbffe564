using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Migrations.Engine.Authoring;
using Migrations.Engine.Journal;
using Migrations.Engine.Planning;
using Migrations.Engine.Running;

namespace Migrations.Engine.Schema;

/// <summary>
/// Adopts a live database that another tool made. The migrations this environment would run
/// are applied one at a time to a shadow; after each, the shadow's schema is compared with the
/// live one. The newest version whose schema the live database has, exactly, is recorded in the
/// journal together with every migration before it, each row carrying its evidence. Nothing is
/// recorded on trust: a live schema that matches no version is refused with its differences, and
/// so is another tool's journal that claims a change the live schema does not have.
/// </summary>
public sealed class SchemaBaseline(MigratorOptions live, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public async Task<BaselineResult> RunAsync(long? version, bool dryRun, string? shadowConnectionString, CancellationToken cancellationToken)
    {
        var migrator = new Migrator(live);
        await RefuseAdoptedAsync(migrator, cancellationToken);
        var candidates = migrator.Catalog.Versioned.Where(migrator.IsSelected).OrderBy(m => m.Version).ToArray();
        if (version is { } wanted && wanted != 0 && candidates.All(m => m.Version != wanted))
        {
            throw migrator.Catalog.Find(wanted) is null
                ? new UnknownVersionException($"{live.DatabaseName}: no migration has version {wanted}")
                : new UnknownVersionException($"{live.DatabaseName}: version {wanted} is not run in this environment (its tags); baseline judges the migrations as {live.Environment} would run them");
        }

        DatabaseSchema found;
        IReadOnlyList<PreviousJournalEntry> previous;
        await using (var connection = await live.Provider.OpenAsync(live.Provider.Normalize(live.ConnectionString, live.LockTimeout), cancellationToken))
        {
            found = await live.Provider.SchemaReader.ReadAsync(connection, cancellationToken);
            previous = await PreviousJournal.ReadAsync(connection, cancellationToken);
        }

        var (matched, closest, differences, compared) = await MatchAsync(candidates, found, version, shadowConnectionString, cancellationToken);
        var mapped = previous.Select(e => (e, Map(e, candidates))).ToArray();
        var contradictions = matched is { } m
            ? mapped.Where(p => p.Item2 is { } migration && migration.Version > m)
                .Select(p => $"{p.e.Table} records {p.e.Entry} as applied, but the live schema does not have {p.Item2!.Name} (it matches version {m})").ToArray()
            : [];
        var rows = matched is { } upTo && contradictions.Length == 0
            ? candidates.Where(c => c.Version <= upTo).Select(c => (c, Evidence(c, upTo, compared, mapped))).ToArray()
            : [];
        var result = new BaselineResult
        {
            MatchedVersion = matched,
            ClosestVersion = closest,
            Differences = differences,
            PreviousEntries = mapped,
            Contradictions = contradictions,
            Rows = rows,
            DryRun = dryRun,
        };
        if (!result.Refused && !dryRun && rows.Length > 0)
        {
            await RecordAsync(migrator, rows, cancellationToken);
        }

        return result;
    }

    // The live schema against each prefix of the migrations, oldest first, built one step at a time in one shadow.
    private async Task<(long? Matched, long? Closest, IReadOnlyList<SchemaDifference> Differences, int Compared)> MatchAsync(
        IReadOnlyList<MigrationInfo> candidates, DatabaseSchema found, long? version, string? shadowConnectionString, CancellationToken cancellationToken)
    {
        var drift = new SchemaDrift(live);
        await using var shadow = await live.Provider.CreateShadowAsync(live.ConnectionString, shadowConnectionString, cancellationToken);
        _logger.LogInformation(Logging.LogEvents.BaselineComparing, "{Database}: comparing the live schema ({Objects} objects) with each of {Count} migration(s), built in {Shadow}",
            live.DatabaseName, found.Count, candidates.Count, shadow.Description);
        var prefix = new HashSet<long>();
        var best = (Version: 0L, Differences: found.DifferencesFrom(await drift.BuildAsync(shadow, new HashSet<long>(), cancellationToken)), Compared: 0);
        long? matched = best.Differences.Count == 0 ? 0 : null;
        var compared = 0;
        foreach (var migration in candidates.TakeWhile(c => version is null || c.Version <= version))
        {
            prefix.Add(migration.Version);
            var expected = await drift.BuildAsync(shadow, prefix.ToHashSet(), cancellationToken);
            var differences = found.DifferencesFrom(expected);
            if (differences.Count == 0)
            {
                matched = migration.Version;
                compared = expected.Count;
            }

            if (differences.Count <= best.Differences.Count)
            {
                best = (migration.Version, differences, expected.Count);
            }
        }

        if (version is { } wanted)
        {
            // Asked for one version: that version's schema, or a refusal listing how the live one differs from it.
            if (matched != wanted)
            {
                var target = wanted == 0 ? found.DifferencesFrom(new DatabaseSchema([])) : await DifferencesAtAsync(wanted);
                return (null, wanted, target, 0);
            }

            return (wanted, null, [], compared);
        }

        return matched is null ? (null, best.Version, best.Differences, 0) : (matched, null, [], compared);

        async Task<IReadOnlyList<SchemaDifference>> DifferencesAtAsync(long at)
        {
            await using var fresh = await live.Provider.CreateShadowAsync(live.ConnectionString, shadowConnectionString, cancellationToken);
            return found.DifferencesFrom(await drift.BuildAsync(fresh, candidates.Where(c => c.Version <= at).Select(c => c.Version).ToHashSet(), cancellationToken));
        }
    }

    private static MigrationInfo? Map(PreviousJournalEntry entry, IReadOnlyList<MigrationInfo> candidates) =>
        candidates.FirstOrDefault(c => c.Type.GetCustomAttributes<PreviousJournalEntryAttribute>().Any(a => a.Entry == entry.Entry))
        ?? candidates.FirstOrDefault(c => c.Version.ToString(CultureInfo.InvariantCulture) == entry.Entry)
        ?? candidates.FirstOrDefault(c => c.Description == entry.Entry); // workspace's migrations are described by their wrangler file names

    private static string Evidence(MigrationInfo migration, long matched, int objects, IReadOnlyList<(PreviousJournalEntry Entry, MigrationInfo? Migration)> mapped)
    {
        var evidence = $"live schema matched version {matched} ({objects} objects)";
        var entries = mapped.Where(p => p.Migration == migration).Select(p => $"{p.Entry.Table}: {p.Entry.Entry}").ToArray();
        return entries.Length == 0 ? evidence : $"{evidence}; {string.Join("; ", entries)}";
    }

    private async Task RefuseAdoptedAsync(Migrator migrator, CancellationToken cancellationToken)
    {
        var statuses = await migrator.ListMigrationsAsync(cancellationToken);
        if (statuses.Count(s => s.State is MigrationState.Applied or MigrationState.Missing) is var rows and > 0)
        {
            throw new AlreadyAdoptedException(
                $"{live.DatabaseName}: the journal already records {rows} migration(s), so this database is adopted; baseline only adopts a database without a journal of ours (use migrate, status and drift)");
        }
    }

    // Under the run lock, and only into a journal that is still empty: two baselines at once record once.
    private async Task RecordAsync(Migrator migrator, IReadOnlyList<(MigrationInfo Migration, string Evidence)> rows, CancellationToken cancellationToken)
    {
        var connectionString = live.Provider.Normalize(live.ConnectionString, live.LockTimeout);
        await using var runLock = await live.Provider.AcquireRunLockAsync(connectionString, live.LockTimeout, cancellationToken);
        await RefuseAdoptedAsync(migrator, cancellationToken);
        await using var connection = await live.Provider.OpenAsync(connectionString, cancellationToken);
        var store = new JournalStore(connection, JournalLayout.SchemaFor(live.Provider.ProcessorIds[0]), live.DatabaseName);
        var now = DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);
        var entries = rows.Select(r => new JournalEntry(r.Migration.Version, now, r.Migration.Description)
        {
            Checksum = migrator.Checksum(r.Migration),
            DurationMs = 0,
            AppliedBy = live.AppliedBy,
            Environment = live.Environment,
            Tags = live.Tags.Count == 0 ? null : string.Join(",", live.Tags),
            Baseline = r.Evidence,
        }).ToArray();
        await live.Provider.WriteJournalAsync(connectionString, [.. await store.MissingStatementsAsync(cancellationToken), .. store.RecordStatements(entries)], cancellationToken);
        await store.EnsureCreatedAsync(cancellationToken);
        await store.RecordAsync(entries, cancellationToken);
    }
}
