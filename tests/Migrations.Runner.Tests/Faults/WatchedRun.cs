using System.Diagnostics;
using System.Text;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// A runner process whose standard error is read line by line as it is written, with every log
/// level on (the engine logs each statement before it sends it), so a test can kill or signal the
/// runner the moment a given statement starts.
/// </summary>
public sealed class WatchedRun : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();
    private readonly Task<string> _output;
    private readonly Task _errorReader;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private WatchedRun(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _errorReader = ReadErrorAsync();
    }

    public static WatchedRun Start(string workingDirectory, IDictionary<string, string>? environment, string[] args)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["Logging__LogLevel__Default"] = "Trace" };
        return new WatchedRun(RunnerProcess.Start(workingDirectory, variables, args));
    }

    private string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Waits until the runner has logged a statement starting with <paramref name="statement"/>.</summary>
    public async Task WaitForStatementAsync(string statement, TimeSpan timeout)
    {
        while (!Error.Contains(statement, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                await _errorReader;
                Assert.Fail($"the runner exited ({_process.ExitCode}) before it ran [{statement}...]:\n{Error}");
            }

            if (_clock.Elapsed > timeout)
            {
                Assert.Fail($"the runner did not run [{statement}...] within {timeout}:\n{Error}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: the runner ends at once, without a chance to roll back or release anything itself.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM, as a pipeline sends when a job is cancelled.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", $"-TERM {_process.Id}");
        await kill.WaitForExitAsync();
    }

    public async Task<RunnerProcess.Result> FinishAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the runner did not exit within {timeout}:\n{Error}");
        }

        await _errorReader;
        return new RunnerProcess.Result(_process.ExitCode, await _output, Error, _clock.Elapsed);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task ReadErrorAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                _error.AppendLine(line);
            }
        }
    }
}
