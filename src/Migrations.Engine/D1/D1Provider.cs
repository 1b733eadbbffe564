using System.Collections.Concurrent;
using System.Data.Common;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Processors.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Migrations.Engine.Providers;
using Migrations.Engine.Schema;
using Migrations.Engine.Sqlite;

namespace Migrations.Engine.D1;

/// <summary>
/// Cloudflare D1 through wrangler (see docs/decisions/0009-d1-through-wrangler.md). A run exports
/// the database into a local working copy and does all its reading there with the SQLite code;
/// each migration runs on the copy in its transaction, and before the copy commits, the same
/// statements with both journal rows (ours and wrangler's <c>d1_migrations</c>) go to D1 as one
/// <c>wrangler d1 execute --file</c> batch, atomic there. The run lock is a lease row on D1.
/// SQLite connection strings (the shadow of drift and baseline) are plain SQLite.
/// </summary>
public sealed class D1Provider : IDatabaseProvider
{
    private readonly SqliteProvider _sqlite = new();
    private readonly ConcurrentDictionary<string, D1Database> _databases = new(StringComparer.Ordinal);

    public string Name => "d1";

    // D1 is SQLite: a migration's IfDatabase("sqlite") branches are D1's.
    public IReadOnlyList<string> ProcessorIds => _sqlite.ProcessorIds;

    public void AddProcessor(IMigrationRunnerBuilder runner) => runner.AddSQLite();

    public void AddServices(IServiceCollection services, string connectionString)
    {
        ID1BatchSink sink = Find(connectionString) is { } found
            ? found.Script ? new CollectingSink(found.Database) : new SendingSink(found.Database)
            : new DiscardingSink();
        services.AddScoped<SQLiteProcessor>(sp => ActivatorUtilities.CreateInstance<D1Processor>(sp, sink));
    }

    public string Normalize(string connectionString) =>
        D1ConnectionString.IsD1(connectionString) ? D1ConnectionString.Parse(connectionString).ToString() : _sqlite.Normalize(connectionString);

    /// <summary>For a D1 string: the working copy's SQLite connection string (nothing is exported yet).</summary>
    public string Normalize(string connectionString, TimeSpan lockTimeout) =>
        _sqlite.Normalize(D1ConnectionString.IsD1(connectionString) ? Database(connectionString).Copy.ConnectionString : connectionString, lockTimeout);

    public LockTimeoutException? AsLockTimeout(Exception error, string connectionString, TimeSpan lockTimeout) =>
        _sqlite.AsLockTimeout(error, Normalize(connectionString, lockTimeout), lockTimeout);

    public bool Exists(string connectionString) => D1ConnectionString.IsD1(connectionString) || _sqlite.Exists(connectionString);

    /// <summary>On the working copy, exported on first use (read-only commands read this one export).</summary>
    public async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        if (Find(connectionString) is { Script: false } found && !found.Database.Copy.Loaded)
        {
            await found.Database.Copy.LoadAsync(found.Database.Wrangler, cancellationToken);
        }

        return await _sqlite.OpenAsync(connectionString, cancellationToken);
    }

    /// <summary>The lease on D1; then the copy is exported again, so it is what D1 holds under the lock.</summary>
    public async Task<IAsyncDisposable> AcquireRunLockAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var database = D1ConnectionString.IsD1(connectionString) ? Database(connectionString) : Find(connectionString)?.Database;
        if (database is null)
        {
            return await _sqlite.AcquireRunLockAsync(connectionString, timeout, cancellationToken);
        }

        var runLock = await D1RunLock.AcquireAsync(database.Wrangler, timeout, cancellationToken);
        try
        {
            await database.Copy.LoadAsync(database.Wrangler, cancellationToken);
        }
        catch
        {
            await runLock.DisposeAsync();
            throw;
        }

        database.Lock = runLock;
        return new Release(database, runLock);
    }

    /// <summary>Baseline's journal rows go to D1 as one batch behind the lease check; the copy records them after.</summary>
    public async Task WriteJournalAsync(string connectionString, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        if (Find(connectionString) is not { Script: false } found || statements.Count == 0)
        {
            return;
        }

        var runLock = found.Database.Lock ?? throw new InvalidOperationException("writing the journal on D1 needs the run's lease");
        var file = Path.Combine(Path.GetDirectoryName(found.Database.Copy.Path)!, $"journal-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, D1Batch.Text([runLock.CheckAndRenewStatement, .. statements]), cancellationToken);
        await found.Database.Wrangler.ExecuteFileAsync(file, cancellationToken);
    }

    /// <summary>An in-memory copy of the working copy; its batches are kept as wrangler migration files (<see cref="ScriptedBatches"/>).</summary>
    public async Task<ScriptTarget> OpenForScriptAsync(string connectionString, CancellationToken cancellationToken)
    {
        if (Find(connectionString) is not { } found)
        {
            return await _sqlite.OpenForScriptAsync(connectionString, cancellationToken);
        }

        if (!found.Database.Copy.Loaded)
        {
            await found.Database.Copy.LoadAsync(found.Database.Wrangler, cancellationToken);
        }

        var target = await _sqlite.OpenForScriptAsync(connectionString, cancellationToken);
        found.Database.ScriptDataSource = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        return target;
    }

    /// <summary>The batches a <c>script</c> run produced, one per migration, in order, for each D1 database.</summary>
    public IReadOnlyList<D1Batch> ScriptedBatches => _databases.Values.SelectMany(d => d.Scripted).ToArray();

    /// <summary>The export taken under the lock is the backup: SQL that <c>wrangler d1 execute --file</c> or sqlite3 restores.</summary>
    public async Task<string> BackupAsync(string connectionString, string directory, string name, CancellationToken cancellationToken)
    {
        var database = Find(connectionString)?.Database ?? throw new BackupFailedException("cannot back up: not a D1 working copy");
        var path = Path.GetFullPath(Path.Combine(directory, name + ".sql"));
        try
        {
            Directory.CreateDirectory(directory);
            await using var source = File.OpenRead(database.Copy.ExportFile ?? throw new BackupFailedException("no export was taken"));
            await using var target = File.Create(path);
            await source.CopyToAsync(target, cancellationToken);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(path);
            throw new BackupFailedException($"cannot write the D1 export to {path}: {ex.Message}; the run stopped before this database was changed");
        }
    }

    public string? ChangedValues(DbConnection connection, AlterColumnExpression expression, IMigrationGenerator generator) => null;

    public string Mask(string connectionString) =>
        D1ConnectionString.IsD1(connectionString) ? D1Wrangler.Mask(connectionString) : _sqlite.Mask(connectionString);

    public ISchemaReader SchemaReader => _sqlite.SchemaReader;

    public Task<ShadowDatabase> CreateShadowAsync(string connectionString, string? shadowConnectionString, CancellationToken cancellationToken) =>
        _sqlite.CreateShadowAsync(connectionString, shadowConnectionString, cancellationToken);

    private D1Database Database(string connectionString) =>
        _databases.GetOrAdd(Normalize(connectionString), normalized => new D1Database(new D1Wrangler(D1ConnectionString.Parse(normalized))));

    private (D1Database Database, bool Script)? Find(string connectionString)
    {
        if (D1ConnectionString.IsD1(connectionString))
        {
            return (Database(connectionString), false);
        }

        string source;
        try
        {
            source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (ArgumentException)
        {
            return null;
        }

        foreach (var database in _databases.Values)
        {
            if (source == database.Copy.Path)
            {
                return (database, false);
            }

            if (source == database.ScriptDataSource)
            {
                return (database, true);
            }
        }

        return null;
    }

    private sealed class D1Database(D1Wrangler wrangler)
    {
        public D1Wrangler Wrangler => wrangler;

        public D1WorkingCopy Copy { get; } = new();

        public D1RunLock? Lock { get; set; }

        public string? ScriptDataSource { get; set; }

        public List<D1Batch> Scripted { get; } = [];
    }

    private sealed class Release(D1Database database, D1RunLock runLock) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            database.Lock = null;
            await runLock.DisposeAsync();
        }
    }

    /// <summary>To D1, one file per batch; D1 runs a file atomically.</summary>
    private sealed class SendingSink(D1Database database) : ID1BatchSink
    {
        private int _count;

        public void Accept(D1Batch batch)
        {
            var runLock = database.Lock ?? throw new InvalidOperationException("a D1 batch needs the run's lease");
            var file = Path.Combine(Path.GetDirectoryName(database.Copy.Path)!, $"batch-{++_count:D4}.sql");
            File.WriteAllText(file, D1Batch.Text(batch.ForExecute(runLock.CheckAndRenewStatement)));
            try
            {
                database.Wrangler.ExecuteFileAsync(file, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (D1BatchFailedException ex)
            {
                var lost = ex.Message.Contains($"NOT NULL constraint failed: {D1RunLock.Table}.holder", StringComparison.Ordinal)
                    ? "this run no longer holds the D1 migration lease (it expired or another run took it); "
                    : ex.Message.Contains("_d1_foreign_key_check", StringComparison.Ordinal) ? "PRAGMA foreign_key_check found rows without their parent; " : "";
                throw new D1BatchFailedException($"D1 refused the batch ({lost}{ex.Message}); D1 rolled the whole batch back, nothing of it was applied");
            }
        }
    }

    private sealed class CollectingSink(D1Database database) : ID1BatchSink
    {
        public void Accept(D1Batch batch) => database.Scripted.Add(batch);
    }

    private sealed class DiscardingSink : ID1BatchSink
    {
        public void Accept(D1Batch batch)
        {
        }
    }
}
