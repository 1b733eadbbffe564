using System.Diagnostics;
using System.Text;

namespace Migrations.Runner.Tests;

/// <summary>Runs the real, built runner as a separate process and captures its exit code and output.</summary>
public sealed class RunnerProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string RunnerDll => Path.Combine(RepositoryRoot, "src", "Migrations.Runner", "bin", Configuration, "net10.0", "Migrations.Runner.dll");

    public static string FixturesDll => Path.Combine(AppContext.BaseDirectory, "Migrations.Runner.Fixtures.dll");

    /// <summary>A migrations assembly written against FluentMigrator alone, as a team outside this repository would.</summary>
    public static string StorefrontDll => Path.Combine(AppContext.BaseDirectory, "Storefront.Data.dll");

    /// <summary>Two migrations; the second runs without a transaction and fails at its third statement.</summary>
    public static string HalfAppliedDll => Path.Combine(AppContext.BaseDirectory, "HalfApplied.Data.dll");

    /// <summary>Six steps that environment variables make slow, fail at a second statement, fail a rebuild, or overfill the disk (the fault suite).</summary>
    public static string FaultsDll => Path.Combine(AppContext.BaseDirectory, "Faults.Data.dll");

    /// <summary>Migrations of the bad-input tests: a hotfix merged later, a breaking change, a rebuild that orphans rows.</summary>
    public static string LedgerDll => Path.Combine(AppContext.BaseDirectory, "Ledger.Data.dll");

    /// <summary>Three small migrations for the D1 tests; the third, with D1PROBE_REFUSED=1, runs a statement D1 refuses.</summary>
    public static string D1ProbeDll => Path.Combine(AppContext.BaseDirectory, "D1Probe.Data.dll");

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
    {
        public string All => StandardOutput + StandardError;
    }

    public static async Task<Result> RunAsync(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        return await FinishAsync(process);
    }

    public static Process Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RunnerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The runner must not inherit the test host's environment choice.
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    public static async Task<Result> FinishAsync(Process process, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the runner did not exit within {timeout ?? TimeSpan.FromMinutes(3)}");
        }

        return new Result(process.ExitCode, await output, await error, clock.Elapsed);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Migrations.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Migrations.sln not found above " + AppContext.BaseDirectory);
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "migrations-runner-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// How many of the run's text log lines say that <paramref name="database"/> took
    /// <paramref name="action"/> ("applied", "rolled back") on <paramref name="version"/>.
    /// </summary>
    public static int StepLines(Result result, string database, string action, long version) =>
        System.Text.RegularExpressions.Regex.Matches(result.StandardError,
            $@"(?m)^\d\d:\d\d:\d\d  {System.Text.RegularExpressions.Regex.Escape(database)} +{System.Text.RegularExpressions.Regex.Escape(action)} +{version} ").Count;

    public static string Describe(Result result)
    {
        var text = new StringBuilder();
        text.AppendLine($"exit {result.ExitCode}").AppendLine("stdout:").AppendLine(result.StandardOutput).AppendLine("stderr:").AppendLine(result.StandardError);
        return text.ToString();
    }
}
