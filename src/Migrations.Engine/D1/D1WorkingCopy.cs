using Microsoft.Data.Sqlite;

namespace Migrations.Engine.D1;

/// <summary>
/// A local SQLite file holding what <c>wrangler d1 export</c> gave: every read of a run (journal,
/// catalog, guard, drift's schema reader) and every migration's first execution happen here, so
/// the SQLite code reads D1 as it reads a file. The export (SQL text) is kept as the run's backup.
/// It holds no <c>_cf_METADATA</c> (wrangler leaves it out) but does hold <c>d1_migrations</c>.
/// </summary>
public sealed class D1WorkingCopy
{
    private readonly string _directory;

    public D1WorkingCopy()
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "migrations-d1-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "working-copy.db");
        // The copy is scratch: it goes with the process.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove();
    }

    public string Path { get; }

    /// <summary>The newest export's SQL file, or null before the first.</summary>
    public string? ExportFile { get; private set; }

    public bool Loaded { get; private set; }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, ForeignKeys = true, Pooling = false }.ConnectionString;

    /// <summary>Exports D1 and replaces the copy's contents with it (other connections to the copy see the new contents).</summary>
    public async Task LoadAsync(D1Wrangler wrangler, CancellationToken cancellationToken)
    {
        var export = System.IO.Path.Combine(_directory, $"export-{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}.sql");
        await wrangler.ExportAsync(export, cancellationToken);
        var fresh = System.IO.Path.Combine(_directory, "fresh.db");
        File.Delete(fresh);
        {
            await using var load = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fresh, ForeignKeys = false, Pooling = false }.ConnectionString);
            await load.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await load.BeginTransactionAsync(cancellationToken);
            await using (var command = load.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = await File.ReadAllTextAsync(export, cancellationToken);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            await using var copy = new SqliteConnection(ConnectionString);
            await copy.OpenAsync(cancellationToken);
            load.BackupDatabase(copy);
        }

        File.Delete(fresh);
        ExportFile = export;
        Loaded = true;
    }

    private void Remove()
    {
        try
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind harms nothing.
        }
    }
}
