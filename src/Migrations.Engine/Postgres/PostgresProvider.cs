using System.Data.Common;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using Migrations.Engine.Providers;
using Migrations.Engine.Schema;
using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>PostgreSQL through Npgsql and FluentMigrator's PostgreSQL 15 processor.</summary>
public sealed class PostgresProvider : IDatabaseProvider
{
    public string Name => "postgres";

    public IReadOnlyList<string> ProcessorIds { get; } = ["PostgreSQL15_0", "PostgreSQL", "Postgres"];

    public void AddProcessor(IMigrationRunnerBuilder runner) => runner.AddPostgres15_0();

    public string Normalize(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new ArgumentException("the PostgreSQL connection string names no Host");
            }

            // Npgsql's 30 s default would cut a real index build or backfill: no limit unless the user wrote one.
            if (!StatesCommandTimeout(connectionString))
            {
                builder.CommandTimeout = 0;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException ex) when (ex.Message != "the PostgreSQL connection string names no Host")
        {
            // Npgsql's message may quote the offending text, which could be a password: keep only the reason.
            throw new ArgumentException("the PostgreSQL connection string is malformed (expected Key=Value pairs such as Host=...;Database=...)", ex);
        }
    }

    public async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(Normalize(connectionString));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await PostgresSessionSettings.ApplyAsync(connection, cancellationToken);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new ConnectionFailedException($"cannot connect to PostgreSQL at {Describe(connectionString)}: {ex.Message}", ex);
        }
    }

    public async Task<IAsyncDisposable> AcquireRunLockAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken) =>
        await PostgresRunLock.AcquireAsync((NpgsqlConnection)await OpenAsync(connectionString, cancellationToken), timeout, cancellationToken);

    /// <summary>A scratch copy of the schema and journal (see <see cref="PostgresScriptCopy"/>).</summary>
    public Task<ScriptTarget> OpenForScriptAsync(string connectionString, CancellationToken cancellationToken) =>
        PostgresScriptCopy.OpenAsync(Normalize(connectionString), cancellationToken);

    public Task<string> BackupAsync(string connectionString, string directory, string name, CancellationToken cancellationToken) =>
        PostgresBackup.TakeAsync(connectionString, directory, name, cancellationToken);

    public string? ChangedValues(DbConnection connection, AlterColumnExpression expression, IMigrationGenerator generator) =>
        PostgresTypeChange.ChangedValues(connection, expression, generator as PostgresGenerator
            ?? throw new ArgumentException($"the PostgreSQL provider needs Migrations.Engine's {nameof(PostgresGenerator)}, not {generator.GetType().Name}", nameof(generator)));

    public ISchemaReader SchemaReader { get; } = new PostgresSchemaReader();

    public Task<ShadowDatabase> CreateShadowAsync(string connectionString, string? shadowConnectionString, CancellationToken cancellationToken) =>
        PostgresShadow.CreateAsync(connectionString, shadowConnectionString, Mask, cancellationToken);

    public string Mask(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(builder.Password))
            {
                builder.Password = "***";
            }

            if (!string.IsNullOrEmpty(builder.SslPassword))
            {
                builder.SslPassword = "***";
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(malformed connection string)";
        }
    }

    /// <summary>Whether the connection string itself names a Command Timeout (Npgsql's own default does not count).</summary>
    public static bool StatesCommandTimeout(string connectionString)
    {
        var stated = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return stated.ContainsKey("Command Timeout") || stated.ContainsKey("CommandTimeout");
    }

    /// <summary>host:port/database, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
