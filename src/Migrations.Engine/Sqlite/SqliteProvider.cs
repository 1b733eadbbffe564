using System.Data.Common;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Migrations.Engine.Providers;
using Migrations.Engine.Schema;

namespace Migrations.Engine.Sqlite;

/// <summary>SQLite through Microsoft.Data.Sqlite; a file path or a full connection string.</summary>
public sealed class SqliteProvider : IDatabaseProvider
{
    public string Name => "sqlite";

    public IReadOnlyList<string> ProcessorIds { get; } = ["SQLite"];

    public void AddProcessor(IMigrationRunnerBuilder runner) => runner.AddSQLite();

    /// <summary>Accepts a bare file path as well as a connection string; turns on foreign keys and turns off pooling (files are released at once).</summary>
    public string Normalize(string connectionString) => Builder(connectionString).ConnectionString;

    /// <summary>As <see cref="Normalize(string)"/>, and every wait for another client's lock, on every connection opened with it, is the lock timeout.</summary>
    public string Normalize(string connectionString, TimeSpan lockTimeout)
    {
        var builder = Builder(connectionString);
        builder.DefaultTimeout = SqliteLockWait.Seconds(lockTimeout);
        return builder.ConnectionString;
    }

    public LockTimeoutException? AsLockTimeout(Exception error, string connectionString, TimeSpan lockTimeout) =>
        error is not MigrationException && SqliteLockWait.IsLockConflict(error)
            ? SqliteLockWait.Timeout(Builder(connectionString).DataSource, SqliteLockWait.Seconds(lockTimeout))
            : null;

    public bool Exists(string connectionString)
    {
        var builder = Builder(connectionString);
        return !IsFile(builder) || File.Exists(builder.DataSource);
    }

    public async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = Builder(connectionString);
        if (IsFile(builder))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!;
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw SqliteWriteAccess.CannotWrite(builder.DataSource, directory, ex);
            }
        }

        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            SqliteLockWait.ApplyBusyTimeout(connection);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            var reason = IsFile(builder) && !File.Exists(builder.DataSource) ? SqliteWriteAccess.ProbeDirectory(builder.DataSource) : null;
            throw reason is null
                ? new ConnectionFailedException($"cannot open SQLite database {builder.DataSource}: {ex.Message}", ex)
                : SqliteWriteAccess.CannotWrite(builder.DataSource, Path.GetFullPath(builder.DataSource), reason, ex);
        }
    }

    public async Task<IAsyncDisposable> AcquireRunLockAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var builder = Builder(connectionString);
        if (!IsFile(builder))
        {
            return SqliteRunLock.None;
        }

        // The lock belongs to the file, not to the path it was reached by.
        var path = SqliteFilePath.Resolve(builder.DataSource);
        var runLock = await SqliteRunLock.AcquireAsync(path, timeout, cancellationToken);
        try
        {
            if (File.Exists(path))
            {
                SqliteWriteAccess.EnsureWritable(builder, path);
            }
        }
        catch
        {
            await runLock.DisposeAsync();
            throw;
        }

        return runLock;
    }

    /// <summary>
    /// A shared in-memory copy made with SQLite's online backup, kept alive by the returned
    /// connection: a script's rebuilds read the schema each step leaves, and the file is never written.
    /// </summary>
    public async Task<ScriptTarget> OpenForScriptAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = Builder(connectionString);
        var copy = new SqliteConnectionStringBuilder
        {
            DataSource = $"script-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            ForeignKeys = true,
        };
        var keepalive = new SqliteConnection(copy.ConnectionString);
        await keepalive.OpenAsync(cancellationToken);
        if (IsFile(builder) && File.Exists(builder.DataSource))
        {
            builder.Mode = SqliteOpenMode.ReadOnly;
            await using var source = new SqliteConnection(builder.ConnectionString);
            await source.OpenAsync(cancellationToken);
            CopyWaitingForLocks(source, keepalive);
        }

        return new ScriptTarget(copy.ConnectionString, PreviewOnly: false, keepalive);
    }

    /// <summary>Never: SQLite alters a column by rebuilding its table, which copies every value as it is.</summary>
    public string? ChangedValues(DbConnection connection, AlterColumnExpression expression, IMigrationGenerator generator) => null;

    /// <summary>
    /// A consistent copy through SQLite's online backup API (not a copy of a file that may be
    /// mid-write). A backup that fails (a full disk, a read-only place) leaves no partial file behind.
    /// </summary>
    public async Task<string> BackupAsync(string connectionString, string directory, string name, CancellationToken cancellationToken)
    {
        var builder = Builder(connectionString);
        if (!IsFile(builder))
        {
            throw new BackupFailedException("cannot back up an in-memory SQLite database");
        }

        var path = Path.GetFullPath(Path.Combine(directory, name + ".db"));
        try
        {
            Directory.CreateDirectory(directory);
            await using var source = new SqliteConnection(builder.ConnectionString);
            await source.OpenAsync(cancellationToken);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
            await target.OpenAsync(cancellationToken);
            CopyWaitingForLocks(source, target);
            return path;
        }
        // Busy and locked are the run lock's business (another writer), not the backup place's.
        catch (Exception ex) when (ex is SqliteException { SqliteErrorCode: not (5 or 6) } or IOException or UnauthorizedAccessException)
        {
            DeletePartial(path);
            var reason = ex.Message.Replace(" For more information on this error code see https://www.sqlite.org/rescode.html", "", StringComparison.Ordinal).TrimEnd('.');
            throw new BackupFailedException($"cannot back up {builder.DataSource} to {path}: {reason}; the run stopped before this database was changed");
        }
        catch
        {
            DeletePartial(path);
            throw;
        }

        static void DeletePartial(string path)
        {
            foreach (var file in new[] { path, path + "-journal" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Nothing more can be done in a place that refuses writes; the backup error is reported.
                }
            }
        }
    }

    /// <summary>SQLite's online backup, waiting for another writer's lock as long as the run waits for any lock.</summary>
    private static void CopyWaitingForLocks(SqliteConnection source, SqliteConnection target)
    {
        SqliteLockWait.ApplyBusyTimeout(source);
        try
        {
            source.BackupDatabase(target);
        }
        catch (SqliteException ex) when (SqliteLockWait.IsLockConflict(ex))
        {
            throw SqliteLockWait.Timeout(source);
        }
    }

    public ISchemaReader SchemaReader { get; } = new SqliteSchemaReader();

    /// <summary>Always in memory: a SQLite shadow costs nothing to make, so one named by the user has no use.</summary>
    public Task<ShadowDatabase> CreateShadowAsync(string connectionString, string? shadowConnectionString, CancellationToken cancellationToken) =>
        shadowConnectionString is null
            ? SqliteShadow.CreateAsync(cancellationToken)
            : throw new ArgumentException("--shadow-connection: a SQLite shadow is built in memory; the option is for PostgreSQL");

    public string Mask(string connectionString)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(builder.Password))
            {
                builder.Password = "***";
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(malformed connection string)";
        }
    }

    private static SqliteConnectionStringBuilder Builder(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = connectionString.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(connectionString)
                : new SqliteConnectionStringBuilder { DataSource = connectionString };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ArgumentException("the SQLite connection string is malformed (expected Data Source=PATH)", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("the SQLite connection string names no Data Source");
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            throw new ArgumentException("the SQLite connection string has Password=, but this runner's SQLite (Microsoft.Data.Sqlite without SQLCipher) cannot open encrypted databases: remove Password= (or decrypt the file)");
        }

        builder.ForeignKeys = true;
        builder.Pooling = false;
        return builder;
    }

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:";
}
