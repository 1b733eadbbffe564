using System.Diagnostics;
using System.Text.Json;

namespace Migrations.Runner.Tests.D1;

/// <summary>
/// A wrangler project in a temporary directory (wrangler.toml with one [[d1_databases]] binding)
/// whose local D1 the real runner and the real wrangler both work on. wrangler is the one
/// build/test.sh installs (npm ci --prefix build/d1); without it the D1 tests fail, never skip.
/// </summary>
public sealed class D1Project : IDisposable
{
    public const string Name = "workspace";

    public D1Project()
    {
        Directory = RunnerProcess.TempDirectory();
        Config = Path.Combine(Directory, "wrangler.toml");
        MigrationsDirectory = Path.Combine(Directory, "migrations");
        File.WriteAllText(Config, $"""
            name = "d1-tests"
            compatibility_date = "2025-01-01"

            [[d1_databases]]
            binding = "DB"
            database_name = "{Name}"
            database_id = "{Guid.NewGuid()}"
            migrations_dir = "migrations"
            """);
        if (!File.Exists(Wrangler))
        {
            Assert.Fail($"wrangler is not installed at {Wrangler}: run build/test.sh (or npm ci --prefix build/d1)");
        }
    }

    public static string Wrangler => Path.Combine(RunnerProcess.RepositoryRoot, "build", "d1", "node_modules", ".bin", "wrangler");

    public string Directory { get; }

    public string Config { get; }

    public string MigrationsDirectory { get; }

    public string Connection => $"Database={Name};Config={Config};Mode=local";

    /// <summary>The runner on this project's local D1, in Development (workspace unless <c>--assembly</c> is given).</summary>
    public Task<RunnerProcess.Result> RunAsync(params string[] args) => RunAsync(null, args);

    public Task<RunnerProcess.Result> RunAsync(IDictionary<string, string>? environment, params string[] args) =>
        RunnerProcess.RunAsync(Directory, environment, [.. args, .. Target(args)]);

    public System.Diagnostics.Process Start(params string[] args) => RunnerProcess.Start(Directory, null, [.. args, .. Target(args)]);

    private string[] Target(string[] args) =>
        [.. args.Contains("--assembly") ? Array.Empty<string>() : ["--database", Name], "--provider", "d1", "--connection", Connection, "--environment", "Development"];

    /// <summary>Runs wrangler itself on this project; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> WranglerAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Wrangler)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Concat(["--config", Config]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["WRANGLER_SEND_METRICS"] = "false";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The rows of each statement, as wrangler's local D1 returns them.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<IReadOnlyDictionary<string, string?>>>> QueryAsync(string sql)
    {
        var (exit, output) = await WranglerAsync("d1", "execute", Name, "--local", "--json", "--command", sql);
        Assert.That(exit, Is.Zero, $"wrangler d1 execute failed: {output}");
        using var document = JsonDocument.Parse(output[output.IndexOf('[', StringComparison.Ordinal)..]);
        return document.RootElement.EnumerateArray().Select(statement => (IReadOnlyList<IReadOnlyDictionary<string, string?>>)statement.GetProperty("results").EnumerateArray()
            .Select(row => (IReadOnlyDictionary<string, string?>)row.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString()))
            .ToArray()).ToArray();
    }

    /// <summary>One statement's rows, each row as one text (columns joined), sorted: a set to compare.</summary>
    public async Task<IReadOnlyList<string>> RowsAsync(string sql) =>
        (await QueryAsync(sql))[0].Select(row => string.Join("|", row.Values.Select(v => v ?? "NULL"))).Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory harms nothing.
        }
    }
}
