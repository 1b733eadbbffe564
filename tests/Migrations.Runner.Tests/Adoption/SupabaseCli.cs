using System.Diagnostics;
using Npgsql;

namespace Migrations.Runner.Tests.Adoption;

/// <summary>
/// The real Supabase CLI, pinned in <c>build/supabase/package.json</c> and installed there by
/// <c>build/test.sh</c> (or named by <c>MIGRATIONS_TEST_SUPABASE</c>). Its <c>db push</c> and
/// <c>migration list</c> talk to any PostgreSQL through <c>--db-url</c>, without Docker or a login.
/// When it is missing the tests that need it fail with the reason; they are never skipped.
/// </summary>
public static class SupabaseCli
{
    public const string Variable = "MIGRATIONS_TEST_SUPABASE";

    public static string Executable
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
                ? configured
                : Path.Combine(RunnerProcess.RepositoryRoot, "build", "supabase", "node_modules", ".bin", "supabase");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"the Supabase CLI is not at {path}: run build/test.sh (npm ci --prefix build/supabase) or set {Variable}");
        }
    }

    /// <summary>The CLI's <c>--db-url</c> for a connection string: percent-encoded, and without TLS, which the test cluster does not offer.</summary>
    public static string DbUrl(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var password = string.IsNullOrEmpty(b.Password) ? "" : ":" + Uri.EscapeDataString(b.Password);
        return $"postgresql://{Uri.EscapeDataString(b.Username!)}{password}@{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database!)}?sslmode=disable";
    }

    /// <summary>Runs the CLI in <paramref name="projectDirectory"/> (the folder holding <c>supabase/migrations</c>), answering no prompt.</summary>
    public static async Task<RunnerProcess.Result> RunAsync(string projectDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        return await RunnerProcess.FinishAsync(process, TimeSpan.FromMinutes(2));
    }
}
