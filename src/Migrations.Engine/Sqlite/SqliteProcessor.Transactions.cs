using System.Globalization;
using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// One transaction per migration, begun lazily. FluentMigrator calls <see cref="BeginTransaction"/>
/// before it builds the migration's expressions; SQLite only switches foreign keys off outside a
/// transaction, and only the expressions tell whether a rebuild is coming. So BEGIN waits for the
/// first statement: by then FluentMigrator has validated every expression, and
/// <see cref="SqliteRebuildAdvisor"/> knows. A rebuilding migration runs
/// <c>PRAGMA foreign_keys = OFF</c>, <c>BEGIN IMMEDIATE</c>, its statements,
/// <c>PRAGMA foreign_key_check</c> (violations fail it), <c>COMMIT</c>, <c>PRAGMA foreign_keys = ON</c>;
/// any other migration just <c>BEGIN IMMEDIATE</c> ... <c>COMMIT</c>, holding SQLite's write lock throughout.
/// </summary>
public partial class SqliteProcessor
{
    private TransactionState _state;
    private bool _checkForeignKeys;
    private bool _restoreForeignKeys;
    private bool _rebuilt;

    private enum TransactionState
    {
        None,
        Pending,
        Open,
    }

    /// <summary>True while the migration's transaction is open (in preview: would be open).</summary>
    private bool InTransaction => _state == TransactionState.Open;

    /// <summary>Opens the connection (FluentMigrator validates it this way) and remembers that a migration's transaction is wanted.</summary>
    public override void BeginTransaction()
    {
        if (_state != TransactionState.None)
        {
            return;
        }

        EnsureConnectionIsOpen();
        _advisor.Reset();
        _state = TransactionState.Pending;
    }

    public override void CommitTransaction()
    {
        switch (_state)
        {
            case TransactionState.Pending:
                // Nothing ran: there is nothing to commit.
                EndTransaction();
                return;
            case TransactionState.None:
                return;
        }

        try
        {
            if (_rebuilt || _checkForeignKeys)
            {
                CheckForeignKeys();
            }

            if (!Options.PreviewOnly)
            {
                BeforeCommit();
            }

            Run("COMMIT", execute: false);
            if (Options.PreviewOnly)
            {
                WasCommitted = true;
            }
            else
            {
                // COMMIT waits for readers of other clients to finish, as long as any lock wait.
                ReportingLockTimeout(base.CommitTransaction);
            }
        }
        catch
        {
            RollbackTransaction();
            throw;
        }

        EndTransaction();
        RestoreForeignKeys(record: true);
    }

    public override void RollbackTransaction()
    {
        var state = _state;
        EndTransaction();
        if (state != TransactionState.Open)
        {
            return;
        }

        // Not recorded: the statement log's last entry keeps naming the statement that failed.
        if (Options.PreviewOnly)
        {
            WasCommitted = true;
        }
        else
        {
            base.RollbackTransaction();
        }

        RestoreForeignKeys(record: false);
    }

    /// <summary>Issues the deferred BEGIN (and, before it, switches foreign keys off when a rebuild is coming).</summary>
    private void EnsureTransactionStarted()
    {
        if (_state == TransactionState.Pending)
        {
            OpenTransaction(_advisor.RebuildComing && !RebuildsWithForeignKeysOn);
        }
    }

    private void OpenTransaction(bool switchForeignKeysOff)
    {
        _state = TransactionState.Open;
        _checkForeignKeys = switchForeignKeysOff;
        try
        {
            if (switchForeignKeysOff)
            {
                SwitchForeignKeysOff();
            }

            Run("BEGIN IMMEDIATE", execute: false);
            if (!Options.PreviewOnly)
            {
                Transaction = BeginImmediate();
                CheckJournalUnchanged();
            }
        }
        catch
        {
            if (Transaction is not null)
            {
                base.RollbackTransaction();
            }

            EndTransaction();
            RestoreForeignKeys(record: false);
            throw;
        }
    }

    // BEGIN IMMEDIATE takes SQLite's write lock at once, waiting for other writers up to the connection's timeout (the lock timeout).
    private SqliteTransaction BeginImmediate()
    {
        var connection = (SqliteConnection)Connection;
        Logger.LogSay("Beginning Transaction");
        return ReportingLockTimeout(() => connection.BeginTransaction(deferred: false));
    }

    private void SwitchForeignKeysOff()
    {
        // Foreign keys the connection has off stay off, and are not switched on afterwards.
        if (!Options.PreviewOnly && Convert.ToInt64(Scalar("PRAGMA foreign_keys"), CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        Run("PRAGMA foreign_keys = OFF", execute: true);
        _restoreForeignKeys = true;
    }

    private void RestoreForeignKeys(bool record)
    {
        if (!_restoreForeignKeys)
        {
            return;
        }

        _restoreForeignKeys = false;
        if (record)
        {
            Run("PRAGMA foreign_keys = ON", execute: true);
        }
        else if (!Options.PreviewOnly)
        {
            using var command = CreateCommand("PRAGMA foreign_keys = ON");
            command.ExecuteNonQuery();
        }
    }

    private void CheckForeignKeys()
    {
        const string check = "PRAGMA foreign_key_check";
        _log.Record(check);
        Logger.LogSql(check);
        if (Options.PreviewOnly)
        {
            return;
        }

        var violations = Query(check);
        if (violations.Count > 0)
        {
            var sample = string.Join("; ", violations.Take(5).Select(v => $"row {v[1]} of \"{v[0]}\" points at a missing row of \"{v[2]}\""));
            throw new SqliteForeignKeyViolationException(violations.Count, sample);
        }
    }

    /// <summary>
    /// A rebuild inside a transaction that did not switch foreign keys off (one opened before the
    /// migration was known, as FluentMigrator's TransactionPerSession does) would fire the
    /// children's ON DELETE actions when it drops the old table: refused while any table references it.
    /// </summary>
    private void GuardRebuildInTransaction(string table)
    {
        if (_restoreForeignKeys || RebuildsWithForeignKeysOn || Options.PreviewOnly || Convert.ToInt64(Scalar("PRAGMA foreign_keys"), CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        var children = ReferencesTo(table).Select(r => r.Table).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (children.Length > 0)
        {
            throw new SqliteRebuildException(table,
                $"foreign keys are on inside this transaction and {string.Join(", ", children.Select(c => $"\"{c}\""))} reference it, so dropping the old table " +
                "would run their ON DELETE actions; run each migration in its own transaction (not TransactionPerSession)");
        }
    }

    private void EndTransaction()
    {
        _state = TransactionState.None;
        _checkForeignKeys = false;
        _rebuilt = false;
        _advisor.Reset();
    }
}
