using Npgsql;

namespace Migrations.Engine.Dialects.Postgres;

/// <summary>PostgreSQL through Npgsql.</summary>
public sealed class PostgresDialect : IDatabaseDialect
{
    public string Name => "postgres";

    public async Task<DatabaseProcessor> OpenAsync(string connectionString, ProcessorOptions options, CancellationToken cancellationToken)
    {
        Validate(connectionString);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new ConnectionFailedException($"cannot connect to PostgreSQL at {Describe(connectionString)}: {ex.Message}", ex);
        }

        return new PostgresProcessor(connection, options);
    }

    public Task<DatabaseProcessor> OpenForScriptAsync(string connectionString, ProcessorOptions options, CancellationToken cancellationToken) =>
        OpenAsync(connectionString, options with { PreviewOnly = true }, cancellationToken);

    public Task<string> BackupAsync(string connectionString, string directory, string name, CancellationToken cancellationToken) =>
        PostgresBackup.TakeAsync(connectionString, directory, name, cancellationToken);

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

    public void Validate(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new ArgumentException("the PostgreSQL connection string names no Host");
            }
        }
        catch (ArgumentException ex) when (ex.Message != "the PostgreSQL connection string names no Host")
        {
            // Npgsql's message may quote the offending text, which could be a password: keep only the reason.
            throw new ArgumentException("the PostgreSQL connection string is malformed (expected Key=Value pairs such as Host=...;Database=...)", ex);
        }
    }

    /// <summary>host:port/database, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
