using System.Data;
using Microsoft.Data.Sqlite;

namespace Migrations.Engine.Running;

/// <summary>
/// The command our processor is running now, so a cancelled run (Ctrl+C, SIGTERM from a
/// pipeline) stops the statement on the server instead of waiting for it to end by itself:
/// FluentMigrator executes synchronously and passes no cancellation token. One per scope.
/// </summary>
public sealed class RunningStatement
{
    private readonly Lock _gate = new();
    private IDbCommand? _current;
    private bool _cancelled;

    /// <summary>Marks <paramref name="command"/> as the one running; after a cancel it is cancelled at once.</summary>
    public void Track(IDbCommand command)
    {
        lock (_gate)
        {
            _current = command;
            if (_cancelled)
            {
                Interrupt(command);
            }
        }
    }

    /// <summary>Cancels the running statement and every later one of this scope.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            if (_current is { } command)
            {
                Interrupt(command);
            }
        }
    }

    private static void Interrupt(IDbCommand command)
    {
        try
        {
            // Microsoft.Data.Sqlite's Cancel() does nothing; sqlite3_interrupt stops the statement in progress.
            if (command is SqliteCommand { Connection.Handle: { } handle })
            {
                SQLitePCL.raw.sqlite3_interrupt(handle);
                return;
            }

            command.Cancel();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // The command finished or its connection closed meanwhile: nothing is left to stop.
        }
    }
}
