using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Migrations.Runner.Commands;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Cli;

/// <summary>
/// Parses the command line, builds a generic host for configuration and logging, runs the
/// command, and turns every outcome into an explicit exit code. Ctrl+C and SIGTERM cancel the
/// run: the migration in progress rolls back and the exit code is 1.
/// </summary>
public static class RunnerApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);

        var masker = new SecretMasker();
        var root = RunnerCommandLine.Build((command, request, _) => ExecuteAsync(command, request, masker, cancellation.Token));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The most specific message names the offending token; "required command" is only the consequence.
            var error = parsed.Errors.Select(e => e.Message).OrderBy(m => m.StartsWith("Required command", StringComparison.Ordinal)).First();
            Console.Error.WriteLine($"error: {OneLine(error)} (see --help)");
            return ExitCodes.Usage;
        }

        if (parsed.CommandResult.Command == root && !args.Any(a => a is "--help" or "-h" or "-?" or "--version"))
        {
            Console.Error.WriteLine("error: name a command: migrate, rollback, status, validate, script or seed (see --help)");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellation.Token);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, masker, Console.Error);
        }

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true; // keep the process alive until the transaction is rolled back
            cancellation.Cancel();
        }
    }

    // A parser message may span lines (a list of allowed values); a pipeline log shows one line per error,
    // and says "a whole number" where the parser names a .NET type.
    private static string OneLine(string message) =>
        System.Text.RegularExpressions.Regex.Replace(
            string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim())),
            @"as expected type 'System\.(Nullable`1\[System\.)?Int(32|64)\]?'", "as a whole number");

    private static async Task<int> ExecuteAsync(IRunnerCommand command, RunRequest request, SecretMasker masker, CancellationToken cancellationToken)
    {
        try
        {
            using var host = BuildHost(request, masker);
            return await host.Services.GetRequiredService<CommandExecutor>().ExecuteAsync(command, request, cancellationToken);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, masker, Console.Error);
        }
    }

    private static IHost BuildHost(RunRequest request, SecretMasker masker)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = request.Environment ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "",
            DisableDefaults = false,
        });

        // Logs go to standard error so that results (status --json, script) can be piped from standard output.
        builder.Logging.ClearProviders();
        if (request.LogFormat == "json")
        {
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.UseUtcTimestamp = true;
            });
        }

        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var settings = builder.Configuration.GetSection(RunnerSettings.Section).Get<RunnerSettings>() ?? new RunnerSettings();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(masker);
        builder.Services.AddSingleton<TargetResolver>();
        builder.Services.AddSingleton<CommandExecutor>();
        return builder.Build();
    }
}
