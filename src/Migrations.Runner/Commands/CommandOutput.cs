using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Logging;
using Migrations.Engine.Running;

namespace Migrations.Runner.Commands;

/// <summary>
/// Where a command's results go: standard output (or <c>--out</c>) for results a pipeline pipes,
/// the log (standard error) for everything else, and what a command gathers across databases.
/// </summary>
public sealed class CommandOutput(ILogger logger)
{
    public ILogger Logger { get; } = logger;

    /// <summary>JSON logs: results that are also log events (backup, rolled back) are not printed again as text.</summary>
    public bool JsonLogs { get; init; }

    public List<(string Database, MigrationStatus Status)> Statuses { get; } = [];

    public int Problems { get; set; }

    /// <summary>The databases <c>status</c> found without a journal, with the journal's name.</summary>
    public Dictionary<string, string> MissingJournals { get; } = [];

    /// <summary>Results for standard output, or for the file named by <c>--out</c> (written whole at the end).</summary>
    public System.Text.StringBuilder Result { get; } = new();

    public static async Task<(RunResult Result, TimeSpan Elapsed)> TimedAsync(Func<Task<RunResult>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        return (result, clock.Elapsed);
    }

    /// <summary>The closing lines of a migrate, rollback or seed for one database.</summary>
    public void Summarise(string database, (RunResult Result, TimeSpan Elapsed) run)
    {
        var (result, elapsed) = run;

        // With JSON logs, standard output stays free of text: the log's backup.taken and migration.rolled_back events carry these.
        if (!JsonLogs)
        {
            if (result.BackupPath is { } backup)
            {
                Console.Out.WriteLine($"{database}: backup {backup}");
            }

            foreach (var (migration, _) in result.RolledBack)
            {
                Console.Out.WriteLine($"{database}: rolled back {migration.Version} {migration.Description}");
            }
        }

        Logger.LogInformation(LogEvents.DatabaseFinished, "{Database}: done in {Seconds:0.0} s: {Applied} applied, {RolledBack} rolled back, {Skipped} skipped for their tags, profiles run: {Profiles}",
            database, elapsed.TotalSeconds, result.Applied.Count, result.RolledBack.Count, result.Skipped.Count,
            result.ProfilesRun.Count == 0 ? "none" : string.Join(", ", result.ProfilesRun));
    }

    /// <summary>
    /// Writes the gathered result to <paramref name="file"/>, replacing it whole, or to standard
    /// output. The file is written beside itself under another name and then moved into place, so
    /// a write that fails (a full disk) leaves the previous file as it was.
    /// </summary>
    public async Task FlushAsync(string? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            await Console.Out.WriteAsync(Result.ToString());
            await Console.Out.FlushAsync(cancellationToken);
            return;
        }

        var full = Path.GetFullPath(file);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, Result.ToString(), cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WritablePlace.TryDelete(temporary);
            throw new UsageException($"--out: cannot write {full}: {WritablePlace.Reason(ex)}; {(File.Exists(full) ? "the file was left as it was" : "no file was written")}");
        }
        catch
        {
            WritablePlace.TryDelete(temporary);
            throw;
        }
    }
}
