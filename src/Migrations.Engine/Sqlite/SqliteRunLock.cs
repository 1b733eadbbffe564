namespace Migrations.Engine.Sqlite;

/// <summary>
/// The run-wide lock for a SQLite file: an exclusive OS lock on a file beside the database, named
/// after the file's real path (symbolic links followed), so every path to one file takes one lock.
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

    /// <param name="databasePath">The database file's real path (<see cref="SqliteFilePath.Resolve"/>).</param>
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
            catch (IOException ex) when (HeldByAnother(ex) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (IOException ex) when (HeldByAnother(ex))
            {
                throw new LockTimeoutException($"{Path.GetFileName(databasePath)}: another run holds the migration lock ({path}); gave up after {timeout.TotalSeconds:0} s");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A read-only file system or a directory without write permission: no wait makes it writable.
                throw SqliteWriteAccess.CannotWrite(databasePath, path, ex);
            }
        }
    }

    public ValueTask DisposeAsync() => _stream?.DisposeAsync() ?? ValueTask.CompletedTask;

    // The lock is taken: EWOULDBLOCK from flock (Linux 11, macOS 35), or a sharing or lock violation on Windows.
    private static bool HeldByAnother(IOException error) =>
        error.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
