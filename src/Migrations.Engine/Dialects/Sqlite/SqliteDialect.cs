using Microsoft.Data.Sqlite;

namespace Migrations.Engine.Dialects.Sqlite;

/// <summary>SQLite through Microsoft.Data.Sqlite; a file path or a full connection string.</summary>
public sealed class SqliteDialect : IDatabaseDialect
{
    public string Name => "sqlite";

    public async Task<DatabaseProcessor> OpenAsync(string connectionString, ProcessorOptions options, CancellationToken cancellationToken)
    {
        var builder = Normalize(connectionString);
        if (IsFile(builder))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            Directory.CreateDirectory(directory!);
        }

        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw new ConnectionFailedException($"cannot open SQLite database {builder.DataSource}: {ex.Message}", ex);
        }

        return new SqliteProcessor(connection, options, IsFile(builder) ? Path.GetFullPath(builder.DataSource) : null);
    }

    /// <summary>An in-memory copy made with SQLite's online backup, so a script's rebuilds read the schema each step leaves.</summary>
    public async Task<DatabaseProcessor> OpenForScriptAsync(string connectionString, ProcessorOptions options, CancellationToken cancellationToken)
    {
        var builder = Normalize(connectionString);
        var copy = new SqliteConnection("Data Source=:memory:;Foreign Keys=True");
        await copy.OpenAsync(cancellationToken);
        if (IsFile(builder) && File.Exists(builder.DataSource))
        {
            builder.Mode = SqliteOpenMode.ReadOnly;
            await using var source = new SqliteConnection(builder.ConnectionString);
            await source.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
        }

        return new SqliteProcessor(copy, options with { PreviewOnly = false }, databasePath: null);
    }

    /// <summary>A consistent copy through SQLite's online backup API (not a copy of a file that may be mid-write).</summary>
    public async Task<string> BackupAsync(string connectionString, string directory, string name, CancellationToken cancellationToken)
    {
        var builder = Normalize(connectionString);
        if (!IsFile(builder))
        {
            throw new BackupFailedException("cannot back up an in-memory SQLite database");
        }

        Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, name + ".db"));
        await using var source = new SqliteConnection(builder.ConnectionString);
        await source.OpenAsync(cancellationToken);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
        return path;
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

    public void Validate(string connectionString) => Normalize(connectionString);

    /// <summary>Accepts a bare file path as well as a connection string; turns on foreign keys and turns off pooling (files are released at once).</summary>
    private static SqliteConnectionStringBuilder Normalize(string connectionString)
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
