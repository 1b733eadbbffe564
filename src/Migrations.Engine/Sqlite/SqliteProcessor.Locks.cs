using System.Data;
using Microsoft.Data.Sqlite;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// Every statement this processor runs, ours and FluentMigrator's, waits for another client's lock
/// as long as the connection's <c>Default Timeout</c> (the run's lock timeout), and a wait that
/// runs out ends as <see cref="LockTimeoutException"/> (exit 4), not as a failed statement.
/// </summary>
public partial class SqliteProcessor
{
    /// <summary>FluentMigrator's reads: its version table, and existence checks of its own.</summary>
    public override DataSet Read(string template, params object[] args) => ReportingLockTimeout(() => base.Read(template, args));

    public override bool Exists(string template, params object[] args) => ReportingLockTimeout(() => base.Exists(template, args));

    /// <summary>
    /// On SQLite a command's timeout only bounds how long it waits for another client's lock, so it
    /// is the connection's (the lock timeout), not FluentMigrator's command timeout, whose 0 waits forever.
    /// </summary>
    private static void WaitForLocksAsTheConnectionDoes(IDbCommand command, IDbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            command.CommandTimeout = sqlite.DefaultTimeout;
        }
    }

    private T ReportingLockTimeout<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex) when (ex is not MigrationException && SqliteLockWait.IsLockConflict(ex))
        {
            throw SqliteLockWait.Timeout((SqliteConnection)Connection);
        }
    }

    private void ReportingLockTimeout(Action call) => ReportingLockTimeout(() =>
    {
        call();
        return true;
    });
}
