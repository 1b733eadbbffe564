using Microsoft.Extensions.Logging;

namespace Migrations.Workspace.Tests;

/// <summary>Keeps every formatted log line, so a test can read what a run said it skipped.</summary>
public sealed class ListLogger(List<string> lines) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (lines)
        {
            lines.Add(formatter(state, exception));
        }
    }
}
