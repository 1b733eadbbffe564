using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// A backup with <c>pg_dump --format=custom</c>, restorable with <c>pg_restore</c>, taken by the
/// pg_dump <see cref="PgDump"/> chooses. A dump that fails or is cancelled leaves no partial file.
/// </summary>
internal static class PostgresBackup
{
    public static async Task<string> TakeAsync(string connectionString, string directory, string name, CancellationToken cancellationToken)
    {
        string? pgDump;
        string? problem;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            (pgDump, problem) = await PgDump.LocateAsync(connection, cancellationToken);
        }

        if (pgDump is null)
        {
            throw new BackupFailedException($"cannot back up PostgreSQL: {problem}");
        }

        var path = Path.GetFullPath(Path.Combine(directory, name + ".dump"));
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupFailedException($"cannot back up PostgreSQL into {directory}: {ex.Message.TrimEnd('.')}; the run stopped before this database was changed");
        }

        try
        {
            await PgDump.RunAsync(PgDump.StartInfo(pgDump, connectionString, ["--format=custom", $"--file={path}"]), cancellationToken);
        }
        catch (PgDumpFailedException ex)
        {
            DeletePartial(path);
            throw new BackupFailedException($"{ex.Message}; the run stopped before this database was changed");
        }
        catch
        {
            DeletePartial(path);
            throw;
        }

        return path;
    }

    private static void DeletePartial(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done in a place that refuses writes; the backup error is reported.
        }
    }
}
