using System.Data.Common;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Migrations.Engine.Providers;

namespace Migrations.Engine.Sqlite;

/// <summary>SQLite through Microsoft.Data.Sqlite; a file path or a full connection string.</summary>
public sealed class SqliteProvider : IDatabaseProvider
{
    public string Name => "sqlite";

    public IReadOnlyList<string> ProcessorIds { get; } = ["SQLite"];

    public void AddProcessor(IMigrationRunnerBuilder runner) => runner.AddSQLite();

    /// <summary>Accepts a bare file path as well as a connection string; turns on foreign keys and turns off pooling (files are released at once).</summary>
    public string Normalize(string connectionString) => Builder(connectionString).ConnectionString;

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
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!);
        }

        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw new ConnectionFailedException($"cannot open SQLite database {builder.DataSource}: {ex.Message}", ex);
        }
    }

    public async Task<IAsyncDisposable> AcquireRunLockAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var builder = Builder(connectionString);
        return IsFile(builder)
            ? await SqliteRunLock.AcquireAsync(Path.GetFullPath(builder.DataSource), timeout, cancellationToken)
            : SqliteRunLock.None;
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
            source.BackupDatabase(keepalive);
        }

        return new ScriptTarget(copy.ConnectionString, PreviewOnly: false, keepalive);
    }

    /// <summary>Never: SQLite alters a column by rebuilding its table, which copies every value as it is.</summary>
    public bool AltersValues(DbConnection connection, AlterColumnExpression expression, IMigrationGenerator generator) => false;

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
            source.BackupDatabase(target);
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

        builder.ForeignKeys = true;
        builder.Pooling = false;
        return builder;
    }

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:";
}
