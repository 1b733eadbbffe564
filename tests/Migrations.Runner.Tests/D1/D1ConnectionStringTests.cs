namespace Migrations.Runner.Tests.D1;

/// <summary>A malformed D1 connection string is one line naming what is wrong, exit 2, before wrangler is ever called.</summary>
[TestFixture]
public sealed class D1ConnectionStringTests
{
    [TestCase("Database=workspace;Mode=local", "Config= is missing")]
    [TestCase("Database=workspace;Config=wrangler.toml;Mode=staging", "Mode=staging: use local or remote")]
    [TestCase("Database=workspace;Config=wrangler.toml;Mode=local;Token=abc", "unknown key 'Token'")]
    public async Task Malformed_strings_are_usage_errors(string connection, string reason)
    {
        var directory = RunnerProcess.TempDirectory();
        var result = await RunnerProcess.RunAsync(directory, null, "status", "--database", "workspace", "--provider", "d1", "--connection", connection, "--environment", "Development");
        Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
        var errors = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error", StringComparison.Ordinal)).ToArray();
        Assert.That(errors, Has.Length.EqualTo(1));
        Assert.That(errors[0], Does.Contain(reason).IgnoreCase);
    }
}
