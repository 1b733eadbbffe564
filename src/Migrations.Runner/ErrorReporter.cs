using Microsoft.Extensions.Logging;
using Migrations.Engine;
using Migrations.Engine.Expressions;
using Migrations.Engine.Logging;
using Migrations.Runner.Logging;

namespace Migrations.Runner;

/// <summary>Maps every error to its exit code in one place, and writes it as one line with secrets removed.</summary>
public static class ErrorReporter
{
    public static int ExitCodeOf(Exception error) => error switch
    {
        UsageException or UnknownVersionException or InvalidMigrationException or AlreadyAdoptedException or ArgumentException => ExitCodes.Usage,
        CheckFailedException or JournalMismatchException or IrreversibleMigrationException or MigrationRefusedException or DataLossException => ExitCodes.CheckFailed,
        LockTimeoutException => ExitCodes.LockTimeout,
        _ => ExitCodes.Failed,
    };

    public static string Describe(Exception error) => error switch
    {
        MigrationCancelledException => error.Message,
        OperationCanceledException => "cancelled before the next migration started; the database is at the last completed version",
        UnsupportedOperationException or MigrationException or UsageException or CheckFailedException or ArgumentException => error.Message,
        _ => $"unexpected {error.GetType().Name}: {error.Message}",
    };

    /// <summary>
    /// Writes "error: ..." to standard error on one line, with every known secret masked; with
    /// <paramref name="json"/>, the same as a JSON log line (event run.failed, with the exit code).
    /// </summary>
    public static int Report(Exception error, SecretMasker masker, TextWriter stderr, bool json = false)
    {
        var line = masker.Mask(string.Join(' ', Describe(error).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())));
        var exitCode = ExitCodeOf(error);
        stderr.WriteLine(json
            ? JsonLogLine.Write(LogLevel.Error, LogEvents.RunFailed, "Migrations", line, writer => writer.WriteNumber("exitCode", exitCode))
            : "error: " + line);
        return exitCode;
    }
}
