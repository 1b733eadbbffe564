using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// A backup with <c>pg_dump --format=custom</c>, restorable with <c>pg_restore</c>. The password
/// goes through PGPASSWORD, never the command line. The pg_dump chosen is the newest installed one
/// whose major version is at least the server's (an older one refuses or dumps incompletely).
/// </summary>
internal static partial class PostgresBackup
{
    public static async Task<string> TakeAsync(string connectionString, string directory, string name, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        int serverMajor;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SHOW server_version_num", connection);
            serverMajor = int.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, CultureInfo.InvariantCulture) / 10000;
        }

        var candidates = Candidates().Select(path => (path, major: MajorVersion(path))).Where(c => c.major > 0).ToArray();
        if (candidates.Length == 0)
        {
            throw new BackupFailedException("cannot back up PostgreSQL: pg_dump was not found (install postgresql-client)");
        }

        var (pgDump, major) = candidates.OrderByDescending(c => c.major).First();
        if (major < serverMajor)
        {
            throw new BackupFailedException($"cannot back up PostgreSQL: pg_dump {major} ({pgDump}) is older than the server ({serverMajor}); install postgresql-client-{serverMajor}");
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

        var start = new ProcessStartInfo(pgDump) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--format=custom", "--no-password", $"--file={path}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = builder.Database ?? builder.Username;
        start.Environment["PGUSER"] = builder.Username;
        start.Environment["PGPASSWORD"] = builder.Password ?? "";
        start.Environment["PGSSLMODE"] = builder.SslMode.ToString().ToLowerInvariant() switch { "verifyca" => "verify-ca", "verifyfull" => "verify-full", var mode => mode };
        using var process = Process.Start(start)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new BackupFailedException($"pg_dump failed (exit {process.ExitCode}): {OneLine(await error)}; the run stopped before this database was changed");
            }
        }
        catch
        {
            // A dump that failed or was cancelled leaves no partial file that could pass for a backup.
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
            }

            DeletePartial(path);
            throw;
        }

        return path;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

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

    private static IEnumerable<string> Candidates()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "pg_dump")).Where(File.Exists);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists)
            : [];
        return onPath.Concat(installed).Distinct();
    }

    private static int MajorVersion(string pgDump)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(pgDump, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var match = Version().Match(output);
            return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }

    [GeneratedRegex(@"\(PostgreSQL\) (\d+)")]
    private static partial Regex Version();
}
