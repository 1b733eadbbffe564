using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Migrations.Testing;

/// <summary>
/// The PostgreSQL server the tests use: the one named by <c>MIGRATIONS_TEST_POSTGRES</c> (an admin
/// connection string), or else a throwaway cluster this process starts with initdb and pg_ctl on
/// a free loopback port (as the postgres user when run as root) and removes at the end. When
/// neither is possible the tests that need it fail with the reason; they are never skipped.
/// </summary>
public sealed class PostgresServer
{
    public const string ConnectionVariable = "MIGRATIONS_TEST_POSTGRES";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;

    private PostgresServer(string adminConnectionString, string? dataDirectory, string? binDirectory)
    {
        AdminConnectionString = adminConnectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
    }

    public static PostgresServer Instance => Shared.Value;

    public string AdminConnectionString { get; }

    /// <summary>The directory of pg_dump, psql and friends of the running cluster, when this process started it.</summary>
    public string? BinDirectory => _binDirectory;

    /// <summary>A new, empty database (or a copy of <paramref name="template"/>); returns its connection string.</summary>
    public string CreateDatabase(string prefix, string? template = null)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        var from = template is null ? "" : $" TEMPLATE \"{template.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{from}", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Stops and removes the throwaway cluster, if this process started one.</summary>
    public static void StopIfStarted()
    {
        if (Shared.IsValueCreated && Shared.Value._dataDirectory is { } data)
        {
            Shared.Value.PgCtl($"-D \"{data}\" -m immediate stop", throwOnError: false);
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A file still being released; the temp folder is cleaned by the machine.
            }
        }
    }

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            return new PostgresServer(configured, null, null);
        }

        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            $"PostgreSQL tests need a server: set {ConnectionVariable} or install PostgreSQL (initdb and pg_ctl were not found; build/test.sh installs them)");
        var data = Path.Combine(Path.GetTempPath(), $"migrations-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var port = FreePort();
        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=15", data, bin);
        if (IsRoot)
        {
            Run("chown", $"postgres \"{data}\"");
        }

        server.RunAsServerUser(Path.Combine(bin, "initdb"), $"-D \"{data}\" -U postgres -A trust -E UTF8 --no-sync");
        server.PgCtl(
            $"-D \"{data}\" -l \"{Path.Combine(data, "server.log")}\" -w -t 60 -o \"-p {port} -k {data} -c listen_addresses=127.0.0.1 " +
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start",
            throwOnError: true);
        return server;
    }

    private void PgCtl(string arguments, bool throwOnError)
    {
        try
        {
            RunAsServerUser(Path.Combine(_binDirectory!, "pg_ctl"), arguments);
        }
        catch (InvalidOperationException) when (!throwOnError)
        {
            // Stopping a cluster that is already gone.
        }
    }

    private void RunAsServerUser(string program, string arguments)
    {
        if (IsRoot)
        {
            Run("runuser", $"-u postgres -- \"{program}\" {arguments}");
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static void Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} exited {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    private static string? FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            .Select(dir => Path.GetDirectoryName(Path.GetFullPath(ResolveLink(Path.Combine(dir, "initdb"))))!);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            : [];
        return onPath.Concat(installed).FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")));
    }

    private static string ResolveLink(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
