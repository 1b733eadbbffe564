namespace Migrations.Engine.Sqlite;

/// <summary>
/// The run-wide lock for a SQLite file: an exclusive OS lock on a file beside the database.
/// SQLite's own write lock cannot span the run, because a table rebuild must switch foreign
/// keys off between transactions (see docs/decisions/0002-sqlite-run-lock.md); each migration
/// still takes SQLite's write lock with BEGIN IMMEDIATE.
/// </summary>
public sealed class SqliteRunLock : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly FileStream? _stream;

    private SqliteRunLock(FileStream? stream) => _stream = stream;

    public static SqliteRunLock None { get; } = new(null);

    public static async Task<SqliteRunLock> AcquireAsync(string databasePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = databasePath + ".migration-lock";
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new SqliteRunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (IOException)
            {
                throw new LockTimeoutException($"{Path.GetFileName(databasePath)}: another run holds the migration lock ({path}); gave up after {timeout.TotalSeconds:0} s");
            }
        }
    }

    public ValueTask DisposeAsync() => _stream?.DisposeAsync() ?? ValueTask.CompletedTask;
}
