using System.Diagnostics;

namespace Migrations.Runner.Tests;

/// <summary>Runs the dotnet CLI (pack, tool install, build) for tests that need the SDK itself, failing the test on a non-zero exit.</summary>
public static class DotnetCli
{
    public static async Task RunAsync(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var result = await RunnerProcess.FinishAsync(process, TimeSpan.FromMinutes(5));
        Assert.That(result.ExitCode, Is.Zero, $"dotnet {string.Join(' ', args)}\n{RunnerProcess.Describe(result)}");
    }
}
