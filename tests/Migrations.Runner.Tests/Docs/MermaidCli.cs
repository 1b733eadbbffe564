using System.Diagnostics;

namespace Migrations.Runner.Tests.Docs;

/// <summary>
/// mermaid-cli as build/test.sh installs it (build/diagram, pinned, with Debian's
/// chromium-headless-shell as its browser): renders Markdown's Mermaid blocks to SVG files.
/// </summary>
internal static class MermaidCli
{
    private static string Folder => Path.Combine(RunnerProcess.RepositoryRoot, "build", "diagram");

    private static string Executable => Path.Combine(Folder, "node_modules", ".bin", "mmdc");

    private static string PuppeteerConfig => Path.Combine(Folder, "puppeteer.json");

    public static void RequireInstalled()
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail("mermaid-cli is not installed: run build/test.sh (or PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix build/diagram)");
        }
    }

    /// <summary>Renders <paramref name="markdown"/> (a file); its pictures land beside <paramref name="output"/> as name-1.svg, name-2.svg, ...</summary>
    public static async Task<(int Exit, string Output)> RenderAsync(string markdown, string output)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--quiet", "--puppeteerConfigFile", PuppeteerConfig, "--input", markdown, "--output", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await standardOutput + await standardError);
    }
}
