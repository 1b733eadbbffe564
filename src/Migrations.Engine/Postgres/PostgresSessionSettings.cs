using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// What every session of a run sets on the server as it opens, so a runner that dies (kill -9,
/// a lost host) is noticed within seconds: a running statement checks its client every second
/// (<c>client_connection_check_interval</c>, PostgreSQL 14+) and is cancelled with its
/// transaction, and TCP keepalives find a peer that vanished without closing its socket. Set by
/// <c>SET</c> after the connection opens, not by the connection string's <c>Options</c>: a pooler
/// such as PgBouncer refuses startup options it does not track. A setting the user names in
/// <c>Options</c> is left to them; one the server lacks (older than 14, or a platform without the
/// check) is skipped.
/// </summary>
public static class PostgresSessionSettings
{
    private const string ConnectionCheck = "client_connection_check_interval";

    private static readonly (string Name, string Value, int MinimumMajorVersion)[] Settings =
    [
        ("tcp_keepalives_idle", "10", 0),
        ("tcp_keepalives_interval", "5", 0),
        ("tcp_keepalives_count", "3", 0),
        (ConnectionCheck, "1000", 14),
    ];

    /// <summary>Sets them for the session; returns whether the server took the connection check (see <see cref="ApplyToTransaction"/>).</summary>
    public static bool Apply(NpgsqlConnection connection)
    {
        var connectionCheck = false;
        foreach (var sql in Statements(connection))
        {
            using var command = new NpgsqlCommand(sql, connection);
            try
            {
                command.ExecuteNonQuery();
                connectionCheck |= sql.Contains(ConnectionCheck, StringComparison.Ordinal);
            }
            catch (PostgresException ex) when (IsUnsupported(ex))
            {
                // This server cannot have it; the run goes on without.
            }
        }

        return connectionCheck;
    }

    /// <summary>
    /// The connection check again, for one transaction: behind a transaction-pooling proxy the
    /// transaction may run on another server session than the one the session-wide SET reached.
    /// Only after <see cref="Apply"/> reported the server takes it, since an error here would abort the transaction.
    /// </summary>
    public static void ApplyToTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand($"SET LOCAL {ConnectionCheck} = {Settings.Single(s => s.Name == ConnectionCheck).Value}", connection, transaction);
        command.ExecuteNonQuery();
    }

    public static async Task ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var sql in Statements(connection))
        {
            await using var command = new NpgsqlCommand(sql, connection);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (IsUnsupported(ex))
            {
                // This server cannot have it; the run goes on without.
            }
        }
    }

    // One statement per setting, so one the server refuses does not take the others with it.
    private static IEnumerable<string> Statements(NpgsqlConnection connection)
    {
        var userOptions = new NpgsqlConnectionStringBuilder(connection.ConnectionString).Options ?? "";
        return Settings
            .Where(s => connection.PostgreSqlVersion.Major >= s.MinimumMajorVersion)
            .Where(s => !userOptions.Contains(s.Name, StringComparison.OrdinalIgnoreCase))
            .Select(s => $"SET {s.Name} = {s.Value}");
    }

    // 42704: unrecognized parameter; 22023: a value this platform does not allow.
    private static bool IsUnsupported(PostgresException ex) => ex.SqlState is PostgresErrorCodes.UndefinedObject or PostgresErrorCodes.InvalidParameterValue;
}
