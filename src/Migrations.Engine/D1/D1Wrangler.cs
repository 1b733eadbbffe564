using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Migrations.Engine.D1;

/// <summary>
/// Runs wrangler's D1 commands for one database: <c>d1 execute</c> and <c>d1 export</c>, with stdin
/// closed (no prompt can wait), the API token left to wrangler's own environment variables and
/// masked in every message we build from its output.
/// </summary>
public sealed class D1Wrangler(D1ConnectionString target)
{
    /// <summary>The environment variables wrangler reads secrets from; their values never reach a message.</summary>
    public static readonly IReadOnlyList<string> SecretVariables = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CF_API_TOKEN", "CF_API_KEY"];

    public D1ConnectionString Target => target;

    /// <summary>Runs statements in one batch (atomic on D1) from a file; returns wrangler's JSON results.</summary>
    public Task<JsonElement> ExecuteFileAsync(string file, CancellationToken cancellationToken) =>
        ExecuteAsync(["--file", file], cancellationToken);

    /// <summary>Runs short statements given inline (the lock's); returns wrangler's JSON results, one element per statement.</summary>
    public Task<JsonElement> ExecuteCommandAsync(string sql, CancellationToken cancellationToken) =>
        ExecuteAsync(["--command", sql], cancellationToken);

    /// <summary>The database as SQL text (schema and rows), written to <paramref name="file"/>.</summary>
    public async Task ExportAsync(string file, CancellationToken cancellationToken)
    {
        // Read-only, so safe to repeat: two runners exporting one local D1 at once can make workerd
        // fail with an internal error (seen in CI); the second attempt, a moment later, succeeds.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var result = await RunAsync(["d1", "export", target.Database, target.ModeFlag, "--config", target.Config, "--output", file], cancellationToken);
            if (result.ExitCode == 0 && File.Exists(file))
            {
                return;
            }

            if (attempt == attempts)
            {
                throw new ConnectionFailedException($"wrangler d1 export {target.Database} {target.ModeFlag} failed {attempts} times: {Reason(result)}");
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
        }
    }

    private async Task<JsonElement> ExecuteAsync(string[] what, CancellationToken cancellationToken)
    {
        string[] args = ["d1", "execute", target.Database, target.ModeFlag, "--config", target.Config, "--json", "--yes", .. what];
        var result = await RunAsync(args, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new D1BatchFailedException(Reason(result));
        }

        try
        {
            return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new D1BatchFailedException($"wrangler printed no JSON: {Mask(Tail(result.StandardOutput))}");
        }
    }

    private sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    private async Task<Result> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var (file, prefix) = Executable();
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // wrangler keeps .wrangler/ beside the config wherever it runs; its directory is the natural place.
            WorkingDirectory = Path.GetDirectoryName(target.Config) is { Length: > 0 } dir && Directory.Exists(dir) ? dir : Environment.CurrentDirectory,
        };
        foreach (var arg in prefix.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["WRANGLER_SEND_METRICS"] = "false";
        start.Environment["NO_COLOR"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ConnectionFailedException($"cannot start wrangler ({file}): {ex.Message}; install it (npm ci --prefix build/d1) or name it with Wrangler= in the connection string");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // A batch D1 has not acknowledged is either whole or absent there; the run stops either way.
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new Result(process.ExitCode, await output, await error);
        }
    }

    /// <summary>The executable: <c>Wrangler=</c>, else the one build/d1 installs (found above the runner or the working directory), else npx.</summary>
    private (string File, string[] Prefix) Executable()
    {
        if (target.Wrangler is { } named)
        {
            return (named, []);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "build", "d1", "node_modules", ".bin", "wrangler");
                if (File.Exists(candidate))
                {
                    return (candidate, []);
                }
            }
        }

        return ("npx", ["wrangler"]);
    }

    /// <summary>What went wrong, in one line: wrangler's JSON error text, else the last lines it printed.</summary>
    private static string Reason(Result result)
    {
        foreach (var text in new[] { result.StandardOutput, result.StandardError })
        {
            var json = text.IndexOf('{', StringComparison.Ordinal);
            if (json < 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(text[json..]);
                if (document.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("text", out var message))
                {
                    return Mask(message.GetString() ?? "");
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the plain text below says it.
            }
        }

        return Mask(Tail(result.StandardError.Trim().Length > 0 ? result.StandardError : result.StandardOutput)) + $" (wrangler exit {result.ExitCode})";
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("⛅️", StringComparison.Ordinal) && !l.All(c => c == '─')).ToArray();
        return string.Join(" ", lines.TakeLast(3));
    }

    /// <summary>Every value of wrangler's secret variables replaced by ***.</summary>
    public static string Mask(string text)
    {
        var masked = new StringBuilder(text);
        foreach (var name in SecretVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: >= 4 } secret)
            {
                masked.Replace(secret, "***");
            }
        }

        return masked.ToString();
    }
}
