using System.Diagnostics;
using Dixis.AppHost.Logs;

namespace Dixis.AppHost.Orchestration;

/// <summary>One run of a resource's process: its output pumped line by line, its exit, its graceful stop.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _pumps;

    private ChildProcess(Process process, Action<LogStream, string> onLine)
    {
        _process = process;
        // Nothing is ever typed into a child; closing stdin also keeps it from reading the AppHost's terminal.
        _process.StandardInput.Close();
        _pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, LogStream.StandardOutput, onLine),
            PumpAsync(process.StandardError, LogStream.StandardError, onLine));
    }

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Wraps a started process and begins reading its output.</summary>
    public static ChildProcess Attach(Process process, Action<LogStream, string> onLine) => new(process, onLine);

    /// <summary>Completes with the exit code once the process has exited and its output is read to the end.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await _pumps.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, then SIGKILL when the process has not exited within <paramref name="gracePeriod"/>.</summary>
    /// <returns>True when the process exited on its own within the grace period.</returns>
    public async Task<bool> StopAsync(TimeSpan gracePeriod, TimeProvider time)
    {
        if (_process.HasExited)
        {
            return true;
        }

        if (PosixSignals.TryTerminate(_process.Id))
        {
            using var grace = new CancellationTokenSource(gracePeriod, time);
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: kill below.
            }
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return false;
    }

    public void Dispose() => _process.Dispose();

    private static async Task PumpAsync(StreamReader reader, LogStream stream, Action<LogStream, string> onLine)
    {
        while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
        {
            onLine(stream, line);
        }
    }
}
