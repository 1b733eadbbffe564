using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// SQLite faults a pipeline meets (issue 14, items 1, 4, 5 and 14's Password=): another client's lock
/// (every statement waits at most --lock-timeout, then exit 4), two paths to one file (one run
/// lock; the journal read again under the write lock), a file that cannot be written (said at once),
/// an encrypted database (exit 2). Each runs the built runner as a process against real files.
/// </summary>
public sealed class SqliteFaultTests
{
    // The slowest a runner's own start and teardown may be on a loaded CI machine; far below the 30 s SQLite waited by itself.
    private static readonly TimeSpan Overhead = TimeSpan.FromSeconds(15);

    private string _template = null!;
    private string _work = null!;
    private readonly List<string> _mounts = [];
    private readonly List<string> _immutable = [];

    /// <summary>A database with migration 1 applied, made once and copied into each test.</summary>
    [OneTimeSetUp]
    public async Task CreateTemplate()
    {
        var directory = RunnerProcess.TempDirectory();
        _template = Path.Combine(directory, "template.db");
        var migrate = await RunnerProcess.RunAsync(directory, null, Args(_template, "migrate", "--target", "1"));
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
    }

    [OneTimeTearDown]
    public void RemoveTemplate() => Directory.Delete(Path.GetDirectoryName(_template)!, recursive: true);

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory()
    {
        foreach (var file in _immutable)
        {
            Command("chattr", "-i", file);
        }

        foreach (var mount in _mounts)
        {
            Command("umount", "-l", mount);
        }

        _immutable.Clear();
        _mounts.Clear();
        Directory.Delete(_work, recursive: true);
    }

    [TestCase("migrate")]
    [TestCase("status")]
    [TestCase("validate")]
    [TestCase("script")]
    public async Task An_external_exclusive_lock_ends_as_exit_4_within_the_lock_timeout(string command)
    {
        var database = CopyOfTemplate("widgets.db");
        using var holder = Hold(database, "BEGIN EXCLUSIVE");

        var result = await RunnerProcess.RunAsync(_work, null, Args(database, command, "--lock-timeout", "2"));

        Assert.That(result.ExitCode, Is.EqualTo(4), RunnerProcess.Describe(result));
        Assert.That(ErrorLine(result), Does.Contain("widgets.db: another client holds the database's write lock").And.Contain("gave up after 2 s"));
        Assert.That(result.All, Does.Not.Contain("unexpected"));
        Assert.That(result.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2) + Overhead), "the statement waited longer than --lock-timeout");
        holder.Release();
        Assert.That(JournalVersions(database), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task An_external_writer_makes_the_migration_s_begin_wait_the_lock_timeout_then_exit_4()
    {
        // BEGIN IMMEDIATE lets readers in: the journal and catalog reads pass, FluentMigrator's migration transaction waits.
        var database = CopyOfTemplate("widgets.db");
        using var holder = Hold(database, "BEGIN IMMEDIATE");

        var result = await RunnerProcess.RunAsync(_work, null, Args(database, "migrate", "--lock-timeout", "2"));

        Assert.That(result.ExitCode, Is.EqualTo(4), RunnerProcess.Describe(result));
        Assert.That(ErrorLine(result), Does.Contain("another client holds the database's write lock").And.Contain("gave up after 2 s"));
        Assert.That(result.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2) + Overhead), "BEGIN waited longer than --lock-timeout");
        holder.Release();
        Assert.That(JournalVersions(database), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task A_writer_that_lets_go_within_the_lock_timeout_is_waited_for()
    {
        var database = CopyOfTemplate("widgets.db");
        var holder = Hold(database, "BEGIN EXCLUSIVE");
        var run = RunnerProcess.RunAsync(_work, null, Args(database, "migrate", "--lock-timeout", "60"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        holder.Dispose();

        var result = await run;

        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        Assert.That(JournalVersions(database), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task Runners_reaching_one_file_through_symlinks_share_its_run_lock_and_apply_each_migration_once()
    {
        var real = CopyOfTemplate(Path.Combine("releases", "1", "widgets.db"));
        var fileLink = Path.Combine(_work, "widgets-link.db");
        File.CreateSymbolicLink(fileLink, real);
        var directoryLink = Path.Combine(_work, "current");
        Directory.CreateSymbolicLink(directoryLink, Path.GetDirectoryName(real)!);
        var slow = new Dictionary<string, string> { ["FIXTURE_SQLITE_SLEEP_MS"] = "3000" };

        var runners = new[] { real, fileLink, Path.Combine(directoryLink, "widgets.db") }
            .Select(path => RunnerProcess.Start(_work, slow, Args(path, "migrate", "--lock-timeout", "60")))
            .ToArray();
        var results = await Task.WhenAll(runners.Select(r => RunnerProcess.FinishAsync(r)));

        foreach (var result in results)
        {
            Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        }

        foreach (var version in new[] { 2, 3, 4, 5 })
        {
            Assert.That(results.Sum(r => RunnerProcess.StepLines(r, "widgets", "applied", version)), Is.EqualTo(1),
                $"version {version} is applied by exactly one runner:\n{string.Join("\n", results.Select(RunnerProcess.Describe))}");
        }

        Assert.That(JournalVersions(real), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That(File.Exists(real + ".migration-lock"), Is.True, "the lock file is beside the real file");
        Assert.That(File.Exists(fileLink + ".migration-lock"), Is.False, "no lock file is named after the link");
    }

    [Test]
    public async Task A_runner_through_a_hard_link_finds_the_journal_changed_under_the_write_lock_and_applies_nothing_twice()
    {
        // A hard link is a second name the file system cannot tell apart: two run locks. The journal,
        // read again after BEGIN IMMEDIATE, tells the second runner that the first one applied what it planned.
        var real = CopyOfTemplate("widgets.db");
        var hardLink = Path.Combine(_work, "widgets-hard.db");
        Assert.That(Command("ln", real, hardLink).ExitCode, Is.Zero);
        var slow = new Dictionary<string, string> { ["FIXTURE_SQLITE_SLEEP_MS"] = "8000" };

        var first = RunnerProcess.Start(_work, slow, Args(real, "migrate", "--lock-timeout", "60"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!JournalVersions(real).Contains(3) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // The first runner is now inside migration 4's transaction, holding SQLite's write lock for 8 s.
        var second = await RunnerProcess.RunAsync(_work, slow, Args(hardLink, "migrate", "--lock-timeout", "60"));
        var firstResult = await RunnerProcess.FinishAsync(first);

        Assert.That(firstResult.ExitCode, Is.Zero, RunnerProcess.Describe(firstResult));
        Assert.That(second.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(second));
        Assert.That(ErrorLine(second), Does.Contain("another run applied version").And.Contain("4").And.Contain("since this run read the journal"));
        Assert.That(Enumerable.Range(1, 5).Sum(v => RunnerProcess.StepLines(second, "widgets", "applied", v)), Is.Zero, RunnerProcess.Describe(second));
        Assert.That(JournalVersions(real), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task A_database_on_a_read_only_file_system_is_reported_at_once_and_can_still_be_read()
    {
        var mount = Path.Combine(_work, "mnt");
        Directory.CreateDirectory(mount);
        Mount(mount, "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount);
        var database = Path.Combine(mount, "widgets.db");
        File.Copy(_template, database);
        Mount(mount, "-o", "remount,ro", mount);

        var migrate = await RunnerProcess.RunAsync(_work, null, Args(database, "migrate", "--lock-timeout", "30"));
        var status = await RunnerProcess.RunAsync(_work, null, Args(database, "status"));

        Assert.That(migrate.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(migrate));
        Assert.That(ErrorLine(migrate), Does.Contain($"cannot write {database}").And.Contain("read-only file system").And.Not.Contain("another run"));
        Assert.That(migrate.Elapsed, Is.LessThan(Overhead), "reported at once, not after the lock timeout");
        Assert.That(status.ExitCode, Is.Zero, RunnerProcess.Describe(status));
        Assert.That(status.StandardOutput, Does.Contain("pending"));
    }

    [Test]
    public async Task A_database_file_that_cannot_be_opened_for_writing_is_reported_at_once()
    {
        // Tests run as root, whom permission bits do not stop; an immutable file stops root too.
        var database = CopyOfTemplate("widgets.db");
        var chattr = Command("chattr", "+i", database);
        if (chattr.ExitCode != 0)
        {
            Assert.Inconclusive($"chattr +i is not possible here: {chattr.Output}");
        }

        _immutable.Add(database);

        var migrate = await RunnerProcess.RunAsync(_work, null, Args(database, "migrate", "--lock-timeout", "30"));

        Assert.That(migrate.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(migrate));
        Assert.That(ErrorLine(migrate), Does.Contain($"cannot write {database}").And.Contain("permission denied"));
        Assert.That(migrate.Elapsed, Is.LessThan(Overhead), "reported at once, not after the lock timeout");
    }

    [Test]
    public async Task A_password_in_a_sqlite_connection_string_is_one_line_exit_2_and_creates_nothing()
    {
        var database = Path.Combine(_work, "data", "secret.db");

        var result = await RunnerProcess.RunAsync(_work, null,
            "migrate", "--assembly", RunnerProcess.FixturesDll, "--database", "widgets", "--provider", "sqlite",
            "--connection", $"Data Source={database};Password=Hunter2-Secret", "--environment", "Development");

        Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
        Assert.That(ErrorLine(result), Does.Contain("Password=").And.Contain("SQLCipher").And.Contain("cannot open encrypted databases"));
        Assert.That(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), RunnerProcess.Describe(result));
        Assert.That(result.All, Does.Not.Contain("Hunter2-Secret").And.Not.Contain("unexpected"));
        Assert.That(Directory.Exists(Path.GetDirectoryName(database)), Is.False);
    }

    [TestCase("script", 0)]
    public async Task Read_only_commands_on_a_missing_file_create_nothing(string command, int exitCode)
    {
        var database = Path.Combine(_work, "data", "widgets.db");

        var result = await RunnerProcess.RunAsync(_work, null, Args(database, command));

        Assert.That(result.ExitCode, Is.EqualTo(exitCode), RunnerProcess.Describe(result));
        Assert.That(Directory.Exists(Path.GetDirectoryName(database)), Is.False, $"{command} created the database");
    }

    private static string[] Args(string database, params string[] command) =>
        [.. command, "--assembly", RunnerProcess.FixturesDll, "--database", "widgets", "--provider", "sqlite",
            "--connection", $"Data Source={database}", "--environment", "Development"];

    private static string ErrorLine(RunnerProcess.Result result) =>
        result.StandardError.Split('\n').LastOrDefault(l => l.StartsWith("error: ", StringComparison.Ordinal)) ?? "";

    private string CopyOfTemplate(string relativePath)
    {
        var path = Path.Combine(_work, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(_template, path);
        return path;
    }

    private static long[] JournalVersions(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False;Default Timeout=30");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Version\" FROM \"VersionInfo\" ORDER BY \"Version\"";
        using var reader = command.ExecuteReader();
        var versions = new List<long>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions.ToArray();
    }

    /// <summary>Another client of the file, in a transaction begun with <paramref name="begin"/>, until released.</summary>
    private static LockHolder Hold(string database, string begin)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = begin + "; SELECT count(*) FROM sqlite_master;";
        command.ExecuteScalar();
        return new LockHolder(connection);
    }

    private sealed class LockHolder(SqliteConnection connection) : IDisposable
    {
        public void Release()
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "ROLLBACK";
                command.ExecuteNonQuery();
                connection.Close();
            }
        }

        public void Dispose()
        {
            Release();
            connection.Dispose();
        }
    }

    private void Mount(string mountPoint, params string[] args)
    {
        var mount = Command("mount", args);
        if (mount.ExitCode != 0)
        {
            Assert.Inconclusive($"mount is not possible here (it needs root and CAP_SYS_ADMIN): {mount.Output}");
        }

        if (!_mounts.Contains(mountPoint))
        {
            _mounts.Add(mountPoint);
        }
    }

    private static (int ExitCode, string Output) Command(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }
}
