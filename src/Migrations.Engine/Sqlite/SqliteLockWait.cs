using Microsoft.Data.Sqlite;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// How long a SQLite statement waits for another client's lock, and what it says when the wait
/// runs out. The wait is the run's lock timeout, carried by the connection string's
/// <c>Default Timeout</c> (Microsoft.Data.Sqlite retries a busy statement, and BEGIN, for that
/// long) and by <c>PRAGMA busy_timeout</c> (what SQLite's online backup waits on).
/// "database is locked" (SQLITE_BUSY, or SQLITE_LOCKED between connections sharing a cache)
/// after that wait is a lock that was not obtained in time: <see cref="LockTimeoutException"/>, exit 4.
/// </summary>
internal static class SqliteLockWait
{
    private const int Busy = 5;
    private const int Locked = 6;

    /// <summary>Whole seconds, at least one: Microsoft.Data.Sqlite reads 0 as "wait forever".</summary>
    public static int Seconds(TimeSpan lockTimeout) => Math.Max(1, (int)Math.Ceiling(lockTimeout.TotalSeconds));

    /// <summary>Whether <paramref name="error"/>, or an exception it wraps, is SQLite's "database is locked".</summary>
    public static bool IsLockConflict(Exception? error)
    {
        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            if (cause is SqliteException { SqliteErrorCode: Busy or Locked })
            {
                return true;
            }
        }

        return false;
    }

    public static LockTimeoutException Timeout(string dataSource, int seconds)
    {
        var file = dataSource == ":memory:" ? dataSource : Path.GetFullPath(dataSource);
        return new LockTimeoutException($"{Path.GetFileName(dataSource)}: another client holds the database's write lock ({file}); gave up after {seconds} s");
    }

    public static LockTimeoutException Timeout(SqliteConnection connection) => Timeout(connection.DataSource, connection.DefaultTimeout);

    /// <summary>Makes SQLite's own busy handler wait as long as the connection's commands do (the online backup only has that one).</summary>
    public static void ApplyBusyTimeout(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {connection.DefaultTimeout * 1000L}";
        command.ExecuteNonQuery();
    }
}
