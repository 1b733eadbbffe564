using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Migrations.Testing;

/// <summary>
/// A real PgBouncer in front of the test PostgreSQL server (<see cref="PostgresServer"/>), in the
/// pool mode asked for, on a free loopback port, started by the tests (as the postgres user when
/// run as root: PgBouncer refuses to run as root) and stopped by <see cref="Dispose"/>. Without
/// the pgbouncer binary it fails with the reason; the tests that need it are never skipped.
/// </summary>
public sealed class PgBouncer : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private PgBouncer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts one in <paramref name="poolMode"/> (<c>transaction</c>, <c>session</c>) for every database of the server.</summary>
    public static PgBouncer Start(string poolMode)
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "PgBouncer tests need the pgbouncer binary (Debian package pgbouncer; build/test.sh installs it): not found on PATH or in /usr/sbin");
        var server = new NpgsqlConnectionStringBuilder(PostgresServer.Instance.AdminConnectionString);
        var directory = Path.Combine(Path.GetTempPath(), $"migrations-pgbouncer-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var password = server.Password ?? "";

        // Every database of the server under its own name; the password (if any) lets PgBouncer log in to the server.
        File.WriteAllText(Path.Combine(directory, "userlist.txt"), $"\"{server.Username}\" \"{password}\"\n");
        File.WriteAllText(Path.Combine(directory, "pgbouncer.ini"), string.Join('\n',
            "[databases]",
            $"* = host={server.Host} port={server.Port.ToString(CultureInfo.InvariantCulture)}",
            "[pgbouncer]",
            "listen_addr = 127.0.0.1",
            $"listen_port = {port.ToString(CultureInfo.InvariantCulture)}",
            "unix_socket_dir =",
            $"auth_type = {(password.Length == 0 ? "trust" : "md5")}",
            $"auth_file = {Path.Combine(directory, "userlist.txt")}",
            $"pool_mode = {poolMode}",
            "max_client_conn = 400",
            "default_pool_size = 40",
            $"logfile = {Path.Combine(directory, "pgbouncer.log")}",
            $"pidfile = {Path.Combine(directory, "pgbouncer.pid")}",
            "") + "\n");

        var start = IsRoot
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", binary, Path.Combine(directory, "pgbouncer.ini") } }
            : new ProcessStartInfo(binary) { ArgumentList = { Path.Combine(directory, "pgbouncer.ini") } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        if (IsRoot)
        {
            Run("chown", "-R", "postgres", directory);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {binary}");

        // It logs to its file too; the pipes are drained so a chatty run never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bouncer = new PgBouncer(process, directory, port);
        bouncer.WaitUntilListening();
        return bouncer;
    }

    /// <summary><paramref name="connectionString"/> with its host and port pointing at this PgBouncer.</summary>
    public string Through(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    /// <summary>PgBouncer's own log, for a failing test's message.</summary>
    public string Log()
    {
        var path = Path.Combine(_directory, "pgbouncer.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the machine's temp cleanup.
            }
        }
    }

    private void WaitUntilListening()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                var exitCode = _process.ExitCode;
                var reason = Log();
                Dispose();
                throw new InvalidOperationException($"pgbouncer exited {exitCode} at start: {reason}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        var log = Log();
        Dispose();
        throw new InvalidOperationException($"pgbouncer did not listen on port {Port} within 20 s: {log}");
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "pgbouncer"))
            .FirstOrDefault(File.Exists);

    private static bool IsRoot => Environment.UserName == "root";

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {process.StandardError.ReadToEnd()}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
