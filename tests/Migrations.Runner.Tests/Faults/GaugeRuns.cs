using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// Runs the Faults.Data migrations (database "gauges", tests/Migrations.Runner.Fixtures/Faults) with
/// the real runner against one test database; environment variables pick the fault (see FaultSwitches there).
/// </summary>
public sealed class GaugeRuns(TestDatabase database, string workingDirectory)
{
    public static readonly long[] AllVersions = [1, 2, 3, 4, 5, 6, 7];

    private string ProviderName => database.Provider == Provider.Postgres ? "postgres" : "sqlite";

    // On PostgreSQL an environment a pipeline would name, without Production's mandatory backup.
    private string EnvironmentName => database.Provider == Provider.Postgres ? "Staging" : "Development";

    public string[] Args(params string[] command) =>
        [.. command, "--assembly", RunnerProcess.FaultsDll, "--database", "gauges", "--provider", ProviderName, "--connection", database.ConnectionString, "--environment", EnvironmentName];

    public Task<RunnerProcess.Result> RunAsync(IDictionary<string, string>? environment, params string[] command) =>
        RunnerProcess.RunAsync(workingDirectory, environment, Args(command));

    public WatchedRun Start(IDictionary<string, string>? environment, params string[] command) =>
        WatchedRun.Start(workingDirectory, environment, Args(command));

    /// <summary>Step 2 made slow: pg_sleep on PostgreSQL, a long count on SQLite.</summary>
    public static Dictionary<string, string> Slow(int seconds) => new() { ["FAULTS_SLOW_SECONDS"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>Step 7, a migration without a transaction, made slow after its first statement.</summary>
    public static Dictionary<string, string> SlowUntransacted(int seconds) => new() { ["FAULTS_SLOW_UNTRANSACTED_SECONDS"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>How the slow statement starts, as the runner logs it and the server shows it.</summary>
    public static string SlowStatement(Provider provider) => provider == Provider.Postgres ? "SELECT pg_sleep(" : "WITH RECURSIVE counter(n)";

    /// <summary>The one "error: " line of a failed run; the test fails unless there is exactly one.</summary>
    public static string ErrorLine(RunnerProcess.Result result)
    {
        var lines = result.StandardError.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
        Assert.That(lines, Has.Length.EqualTo(1), RunnerProcess.Describe(result));
        return lines[0];
    }
}
