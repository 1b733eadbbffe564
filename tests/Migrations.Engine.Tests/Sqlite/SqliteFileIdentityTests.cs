using Microsoft.Data.Sqlite;
using Migrations.Engine.Sqlite;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>
/// The SQLite provider's seams for one file reached many ways: the run lock belongs to the real
/// file (symbolic links of the file and of its directories followed, ".." taken after them); a
/// run's connection string bounds every lock wait; a password is refused before anything opens.
/// </summary>
public sealed class SqliteFileIdentityTests
{
    private readonly SqliteProvider _provider = new();
    private string _root = null!;
    private string _database = null!;

    [SetUp]
    public void CreateFile()
    {
        _root = Path.Combine(Path.GetTempPath(), $"migrations-identity-{Guid.NewGuid():N}");
        _database = Path.Combine(_root, "releases", "1", "app.db");
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        File.WriteAllBytes(_database, []);
    }

    [TearDown]
    public void RemoveFiles() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task A_symlink_to_the_file_takes_the_file_s_lock()
    {
        var link = Path.Combine(_root, "app-link.db");
        File.CreateSymbolicLink(link, _database);

        await AssertSameLockAsync(link);
    }

    [Test]
    public async Task A_symlinked_directory_followed_by_dot_dot_is_resolved_as_the_file_system_resolves_it()
    {
        // releases/current -> releases/1/sub, so current/.. is releases/1 (not releases, as a textual ".." would say).
        Directory.CreateDirectory(Path.Combine(_root, "releases", "1", "sub"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "releases", "current"), Path.Combine("1", "sub"));

        await AssertSameLockAsync(Path.Combine(_root, "releases", "current", "..", "app.db"));
    }

    [Test]
    public async Task A_relative_path_with_dot_segments_takes_the_same_lock()
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(_root, "releases", ".", "1", "..", "1", "app.db"));

        await AssertSameLockAsync(relative);
    }

    [Test]
    public void The_run_s_connection_string_waits_for_locks_as_long_as_the_lock_timeout()
    {
        var builder = new SqliteConnectionStringBuilder(_provider.Normalize(_database, TimeSpan.FromSeconds(7)));
        var zero = new SqliteConnectionStringBuilder(_provider.Normalize(_database, TimeSpan.Zero));

        Assert.That(builder.DefaultTimeout, Is.EqualTo(7));
        Assert.That(zero.DefaultTimeout, Is.EqualTo(1), "0 would wait forever in Microsoft.Data.Sqlite");
    }

    [Test]
    public void A_password_is_refused_with_one_line_that_does_not_repeat_it()
    {
        var error = Assert.Throws<ArgumentException>(() => _provider.Normalize($"Data Source={_database};Password=Hunter2"));

        Assert.That(error!.Message, Does.Contain("SQLCipher").And.Not.Contain("Hunter2").And.Not.Contain("\n"));
    }

    private async Task AssertSameLockAsync(string otherPath)
    {
        await using var held = await _provider.AcquireRunLockAsync($"Data Source={_database}", TimeSpan.FromSeconds(1), CancellationToken.None);

        var error = Assert.ThrowsAsync<LockTimeoutException>(() =>
            _provider.AcquireRunLockAsync($"Data Source={otherPath}", TimeSpan.FromMilliseconds(200), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("another run holds the migration lock").And.Contain(_database + ".migration-lock"));
    }
}
