using Microsoft.Extensions.Logging;

namespace Migrations.Engine.Running;

/// <summary>
/// Sends what migrations and profiles log through their <c>ILogger&lt;T&gt;</c> inside
/// FluentMigrator's container to the run's own logger, so a profile's "skipped: already seeded"
/// reaches the same output as the run's lines. FluentMigrator's own categories echo every
/// statement and heading (the run logs those itself), so only their warnings and errors pass.
/// </summary>
internal sealed class ForwardingLoggerProvider(ILogger target) : ILoggerProvider
{
    private const string FluentMigratorCategory = "FluentMigrator";

    public ILogger CreateLogger(string categoryName) =>
        new ForwardingLogger(target, categoryName.StartsWith(FluentMigratorCategory, StringComparison.Ordinal) ? LogLevel.Warning : LogLevel.Trace);

    public void Dispose()
    {
    }

    private sealed class ForwardingLogger(ILogger target, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => target.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && target.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                target.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
