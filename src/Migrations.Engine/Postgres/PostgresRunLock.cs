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
/// docs/decisions/0008-run-lock-through-a-pooler.md. The transaction touches no table and, read
/// committed, holds no snapshot between statements, so it blocks neither DDL nor vacuum. Ending
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
            await KeepOpenAsync(connection, cancellationToken);
            await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection);
            tryLock.Parameters.AddWithValue("key", key);
            while (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
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
