using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// The run-wide lock for a PostgreSQL database: a session advisory lock keyed by the database
/// and the journal, held on a connection of its own (FluentMigrator's processor has another),
/// polled so the wait can time out with a clear error. Closing the connection releases it, also
/// when the process dies.
/// </summary>
public sealed class PostgresRunLock : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private PostgresRunLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    public static async Task<PostgresRunLock> AcquireAsync(NpgsqlConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var nameCommand = new NpgsqlCommand("SELECT current_database()", connection);
        var database = (string)(await nameCommand.ExecuteScalarAsync(cancellationToken))!;
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{database}/migrations.VersionInfo")), 0);
        var deadline = DateTime.UtcNow + timeout;
        await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        tryLock.Parameters.AddWithValue("key", key);
        while (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
        {
            if (DateTime.UtcNow >= deadline)
            {
                await connection.DisposeAsync();
                throw new LockTimeoutException($"{database}: another run holds the migration lock; gave up after {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return new PostgresRunLock(connection, key);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            unlock.Parameters.AddWithValue("key", _key);
            await unlock.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is gone; the server released the lock with the session.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
