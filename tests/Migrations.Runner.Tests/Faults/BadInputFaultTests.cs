namespace Migrations.Runner.Tests.Faults;

/// <summary>Bad input: one line naming the option, exit 2, nothing created or changed (issue 14, item 14).</summary>
public sealed class BadInputFaultTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    [TestCase(new[] { "--provider", "mysql" }, "Argument 'mysql' not recognized. Must be one of: 'postgres', 'sqlite'")]
    [TestCase(new[] { "--log-format", "xml" }, "Argument 'xml' not recognized. Must be one of: 'text', 'json'")]
    [TestCase(new[] { "--lock-timeout", "-1" }, "--lock-timeout must be 0 or more seconds")]
    [TestCase(new[] { "--backup", "" }, "--backup needs a directory")]
    [TestCase(new[] { "--assembly", "" }, "--assembly needs the path of a migrations assembly")]
    public async Task Each_bad_option_is_one_line_naming_it_exit_2_and_nothing_created(string[] option, string expected)
    {
        var result = await RunnerProcess.RunAsync(_work, null, ["migrate", "--database", "claims", .. option]);

        Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
        Assert.That(result.StandardError.TrimEnd().Split('\n'), Has.Length.EqualTo(1), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Does.StartWith("error: ").And.Contain(expected));
        Assert.That(Directory.Exists(Path.Combine(_work, "data")), Is.False, "a refused run created the database");
    }
}
