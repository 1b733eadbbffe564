using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// The pg_dump a backup or a script's copy runs: the newest installed one whose major version is
/// at least the server's (an older one refuses or dumps incompletely), started with the
/// connection's settings in PG* variables, the password in PGPASSWORD, never on the command line.
/// </summary>
internal static partial class PgDump
{
    /// <summary>The pg_dump to use with <paramref name="connection"/>'s server, or a one-line reason why there is none.</summary>
    public static async Task<(string? Path, string? Problem)> LocateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SHOW server_version_num", connection);
        var serverMajor = int.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, CultureInfo.InvariantCulture) / 10000;
        var candidates = Candidates().Select(path => (path, major: MajorVersion(path))).Where(c => c.major > 0).ToArray();
        if (candidates.Length == 0)
        {
            return (null, "pg_dump was not found (install postgresql-client)");
        }

        var (pgDump, major) = candidates.OrderByDescending(c => c.major).First();
        return major < serverMajor
            ? (null, $"pg_dump {major} ({pgDump}) is older than the server ({serverMajor}); install postgresql-client-{serverMajor}")
            : (pgDump, null);
    }

    /// <summary>How to start <paramref name="pgDump"/> with <paramref name="arguments"/> on the database of <paramref name="connectionString"/>.</summary>
    public static ProcessStartInfo StartInfo(string pgDump, string connectionString, IEnumerable<string> arguments)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgDump) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments.Prepend("--no-password"))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = builder.Database ?? builder.Username;
        start.Environment["PGUSER"] = builder.Username;
        start.Environment["PGPASSWORD"] = builder.Password ?? "";
        start.Environment["PGCLIENTENCODING"] = "UTF8";
        start.Environment["PGSSLMODE"] = builder.SslMode.ToString().ToLowerInvariant() switch { "verifyca" => "verify-ca", "verifyfull" => "verify-full", var mode => mode };

        // The rest of what the connection string says about reaching the server, in libpq's own variables (unset ones stay unset).
        foreach (var (variable, value) in new[]
        {
            ("PGSSLROOTCERT", builder.RootCertificate), ("PGSSLCERT", builder.SslCertificate), ("PGSSLKEY", builder.SslKey),
            ("PGOPTIONS", builder.Options), ("PGAPPNAME", builder.ApplicationName),
        })
        {
            if (!string.IsNullOrEmpty(value))
            {
                start.Environment[variable] = value;
            }
        }

        return start;
    }

    /// <summary>Runs pg_dump to its end; returns what it wrote to standard output, or throws with its error on one line.</summary>
    public static async Task<string> RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0
                ? output
                : throw new PgDumpFailedException($"pg_dump failed (exit {process.ExitCode}): {OneLine(await error)}");
        }
        catch when (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

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

/// <summary>pg_dump ended with an error; the message is its error output on one line.</summary>
internal sealed class PgDumpFailedException(string message) : Exception(message);
