namespace Migrations.Runner.Tests.Faults;

/// <summary>Read-only commands never create the database they read (issue 14, item 10).</summary>
public sealed class ReadOnlyCommandFaultTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task Status_on_a_missing_sqlite_file_lists_everything_pending_and_creates_nothing()
    {
        var status = await RunnerProcess.RunAsync(_work, null, "status", "--database", "claims");

        Assert.That(status.ExitCode, Is.Zero, RunnerProcess.Describe(status));
        Assert.That(status.StandardOutput, Does.Contain("pending").And.Not.Contain(" applied "));
        Assert.That(Directory.Exists(Path.Combine(_work, "data")), Is.False, "status created the database");
    }

    [Test]
    public async Task Validate_on_a_missing_sqlite_file_says_there_is_no_journal_and_creates_nothing()
    {
        var validate = await RunnerProcess.RunAsync(_work, null, "validate", "--database", "claims");

        Assert.That(validate.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(validate));
        Assert.That(validate.All, Does.Contain("there is no journal"));
        Assert.That(Directory.Exists(Path.Combine(_work, "data")), Is.False, "validate created the database");
    }
}
