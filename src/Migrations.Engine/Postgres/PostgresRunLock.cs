using System.Data;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// The run-wide lock for a PostgreSQL database: a transaction-level advisory lock keyed by the
/// database and the journal, taken in a transaction that stays open for the whole run on a
/// connection of its own (FluentMigrator's processor has another), polled so the wait can time
/// out with a clear error. An open transaction keeps its server session even behind a
/// transaction-pooling proxy (PgBouncer pool_mode=transaction, Supabase's port 6543), where a
/// session lock would stay on a pooled session that the next client is handed; see
/// docs/decisions/0008-run-lock-through-a-pooler.md. The transaction touches no table and holds no
/// snapshot between statements (see TryLockAsync), so it blocks neither DDL, vacuum nor
/// CREATE INDEX CONCURRENTLY. Ending
/// the transaction or losing the connection releases the lock, also when the process dies.
/// </summary>
public sealed class PostgresRunLock : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private PostgresRunLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<PostgresRunLock> AcquireAsync(NpgsqlConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await using var nameCommand = new NpgsqlCommand("SELECT current_database()", connection);
            var database = (string)(await nameCommand.ExecuteScalarAsync(cancellationToken))!;
            var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{database}/migrations.VersionInfo")), 0);
            var deadline = DateTime.UtcNow + timeout;
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection);
            tryLock.Parameters.AddWithValue("key", key);
            while (!await TryLockAsync(connection, tryLock, cancellationToken))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new LockTimeoutException($"{database}: another run holds the migration lock; gave up after {timeout.TotalSeconds:0} s");
                }

                await Task.Delay(PollInterval, cancellationToken);
            }

            return new PostgresRunLock(connection, transaction);
        }
        catch
        {
            // Closing the connection ends the transaction and whatever it held.
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One attempt, then a statement that takes no snapshot: the SELECT's portal (and with it its
    /// snapshot) would otherwise live until the transaction's next statement, and an open
    /// transaction with a snapshot makes every <c>CREATE INDEX CONCURRENTLY</c> in the database
    /// wait for it, the run's own included.
    /// </summary>
    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, NpgsqlCommand tryLock, CancellationToken cancellationToken)
    {
        var taken = (bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!;
        await KeepOpenAsync(connection, cancellationToken);
        return taken;
    }

    /// <summary>A server that ends idle transactions (a role's or the database's setting) must not end this one mid-run.</summary>
    private static async Task KeepOpenAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var settings = connection.PostgreSqlVersion.Major >= 17
            ? "SET LOCAL idle_in_transaction_session_timeout = 0; SET LOCAL transaction_timeout = 0"
            : "SET LOCAL idle_in_transaction_session_timeout = 0";
        await using var command = new NpgsqlCommand(settings, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.RollbackAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone; the server ended the transaction and released the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
