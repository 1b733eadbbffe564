using Microsoft.Data.Sqlite;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// Why a SQLite file cannot be written (a read-only file system, permission denied), said at once:
/// a lock file that cannot be created is not a lock another run holds, and a database SQLite could
/// open only for reading would fail at the first statement of a migration.
/// </summary>
internal static class SqliteWriteAccess
{
    // EROFS, the same number on Linux and macOS; .NET puts the errno of an unmapped error in HResult.
    private const int ReadOnlyFileSystem = 30;

    public static string Reason(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied",
        IOException { HResult: ReadOnlyFileSystem } => "read-only file system",
        _ => error.Message,
    };

    public static ConnectionFailedException CannotWrite(string database, string path, Exception error) =>
        CannotWrite(database, path, Reason(error), error);

    public static ConnectionFailedException CannotWrite(string database, string path, string reason, Exception? error = null) =>
        new($"{Path.GetFileName(database)}: cannot write {path}: {reason}", error);

    /// <summary>
    /// Throws when SQLite opens the existing file only for reading, as it does (silently) when the
    /// file cannot be opened for writing: a read-only mount, permissions, an immutable file.
    /// </summary>
    public static void EnsureWritable(SqliteConnectionStringBuilder builder, string path)
    {
        var probe = new SqliteConnectionStringBuilder(builder.ConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        using var connection = new SqliteConnection(probe.ConnectionString);
        connection.Open();
        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
        {
            throw CannotWrite(path, path, ProbeDirectory(path) ?? "the file is read-only (permission denied)");
        }
    }

    /// <summary>
    /// Why nothing can be created beside <paramref name="path"/>, or null when something can: asked
    /// only after an open failed, with a probe file that is deleted as it closes.
    /// </summary>
    public static string? ProbeDirectory(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            using var _ = new FileStream(Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.probe"),
                FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{Reason(ex)} (in {directory})";
        }
    }
}
