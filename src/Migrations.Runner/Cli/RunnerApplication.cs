using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Migrations.Engine.Logging;
using Migrations.Runner.Commands;
using Migrations.Runner.Configuration;
using Migrations.Runner.Logging;

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
        var json = JsonLogsAsked(args);
        var exitCode = await RunCommandAsync(args, json);
        if (json)
        {
            // The last line says how the run ended, so a log pipeline needs no process status.
            Console.Error.WriteLine(JsonLogLine.Write(exitCode == ExitCodes.Success ? LogLevel.Information : LogLevel.Error, LogEvents.RunFinished, "Migrations",
                $"exit {exitCode}", writer => writer.WriteNumber("exitCode", exitCode)));
        }

        return exitCode;
    }

    // Known before parsing, so that even a usage error is a JSON line when JSON was asked for.
    private static bool JsonLogsAsked(string[] args) =>
        args.Select((arg, i) => arg == "--log-format=json" || (arg == "--log-format" && i + 1 < args.Length && args[i + 1] == "json")).Any(asked => asked);

    private static async Task<int> RunCommandAsync(string[] args, bool json)
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
            return ErrorReporter.Report(new UsageException($"{OneLine(error)} (see --help)"), masker, Console.Error, json);
        }

        if (parsed.CommandResult.Command == root && !args.Any(a => a is "--help" or "-h" or "-?" or "--version"))
        {
            return ErrorReporter.Report(new UsageException("name a command: migrate, rollback, status, validate, script, seed, baseline, drift, diagram or new (see --help)"), masker, Console.Error, json);
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellation.Token);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, masker, Console.Error, json);
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
            return ErrorReporter.Report(ex, masker, Console.Error, request.LogFormat == "json");
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
        builder.Logging.AddConsole(o => o.FormatterName = request.LogFormat == "json" ? JsonLogFormatter.FormatterName : TextLogFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<TextLogFormatter, ConsoleFormatterOptions>();
        builder.Logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>();
        if (request.Verbose)
        {
            builder.Logging.AddFilter("Migrations", LogLevel.Debug);
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
