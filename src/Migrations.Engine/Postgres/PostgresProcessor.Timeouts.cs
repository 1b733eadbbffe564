using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// How long one statement may run, and how a statement that outlived it is reported: as
/// <see cref="StatementTimeoutException"/> ("timed out after N s"), not as Npgsql's "Exception while
/// reading from stream".
/// </summary>
public partial class PostgresProcessor
{
    /// <summary>
    /// A configured timeout (<c>Migrations:CommandTimeoutSeconds</c>) wins; without one (zero or
    /// none) a Command Timeout the connection string states counts; with neither a statement has no
    /// limit (0), since Npgsql's 30 s default would cut a real index build or backfill.
    /// </summary>
    private int CommandTimeoutSeconds => Options.Timeout is { } timeout && timeout > TimeSpan.Zero
        ? (int)Math.Ceiling(timeout.TotalSeconds)
        : _connectionStringTimeout.Value;

    // Only a Command Timeout the connection string states outright counts; Npgsql's own default does not.
    private int ConnectionStringTimeout() =>
        PostgresProvider.StatesCommandTimeout(_connectionString.ConnectionString)
            ? new NpgsqlConnectionStringBuilder(_connectionString.ConnectionString).CommandTimeout
            : 0;

    // Npgsql reports a command that outlived its CommandTimeout with a TimeoutException inside; a cancel (SIGTERM) has none.
    private bool IsCommandTimeout(Exception ex)
    {
        for (var cause = ex; cause is not null; cause = cause.InnerException)
        {
            if (cause is TimeoutException)
            {
                return CommandTimeoutSeconds > 0;
            }
        }

        return false;
    }
}
