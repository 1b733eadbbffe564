using System.Data;
using FluentMigrator.Runner;
using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// The processor's server session: the settings that make the server notice a dead runner
/// (<see cref="PostgresSessionSettings"/>), and a transaction the server already ended with a
/// broken session (57P01 terminated, 53100 disk full, a crash) dropped instead of rolled back, so
/// the statement's own error reaches the user.
/// </summary>
public partial class PostgresProcessor
{
    private bool _sessionConfigured;
    private bool _connectionCheck;

    /// <summary>The first time the connection opens, the settings that make the server notice a dead runner.</summary>
    protected override void EnsureConnectionIsOpen()
    {
        base.EnsureConnectionIsOpen();
        if (!_sessionConfigured && Connection is NpgsqlConnection { State: ConnectionState.Open } connection)
        {
            _connectionCheck = PostgresSessionSettings.Apply(connection);
            _sessionConfigured = true;
        }
    }

    /// <summary>
    /// Each migration's transaction checks for a dead runner too, on whichever server session a pooler
    /// gives it. A script shows where each transaction begins and commits, as psql must replay them.
    /// </summary>
    public override void BeginTransaction()
    {
        var starting = Transaction is null;
        if (starting && _statements.Keep)
        {
            _statements.Record("BEGIN");
        }

        base.BeginTransaction();
        if (starting && _connectionCheck && Connection is NpgsqlConnection connection && Transaction is NpgsqlTransaction transaction)
        {
            PostgresSessionSettings.ApplyToTransaction(connection, transaction);
        }
    }

    public override void CommitTransaction()
    {
        var open = Transaction is not null;
        base.CommitTransaction();
        if (open && _statements.Keep)
        {
            _statements.Record("COMMIT");
        }
    }

    /// <summary>
    /// FluentMigrator rolls back when a migration fails, and again on Dispose. On a connection
    /// Npgsql broke, the server has already ended the transaction with the session, and
    /// NpgsqlTransaction.Rollback throws ObjectDisposedException, which would replace the
    /// migration's error: the transaction is dropped instead.
    /// </summary>
    public override void RollbackTransaction()
    {
        if (Transaction is not null && Connection?.State is ConnectionState.Broken or ConnectionState.Closed)
        {
            Logger.LogSay("The connection is gone; the server rolled the transaction back with its session");
            Transaction = null;
            WasCommitted = true;
            return;
        }

        base.RollbackTransaction();
    }
}
