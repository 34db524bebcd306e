using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dixis.ServiceDefaults.Lifetime;

/// <summary>
/// Stops the service as soon as the AppHost that started it is gone. The AppHost cannot clean up
/// after a SIGKILL, so each child watches its parent instead.
/// </summary>
internal sealed partial class AppHostProcessWatcher(
    IOptions<LifetimeOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<AppHostProcessWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AppHostProcessId is not { } processId)
        {
            return;
        }

        LogWatching(logger, processId);
        using var timer = new PeriodicTimer(options.Value.AppHostPollInterval, timeProvider);
        try
        {
            while (ProcessLiveness.IsRunning(processId))
            {
                if (!await timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        LogAppHostGone(logger, processId);
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching AppHost process {ProcessId}; this service stops when it exits")]
    private static partial void LogWatching(ILogger logger, int processId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AppHost process {ProcessId} is gone; stopping this service")]
    private static partial void LogAppHostGone(ILogger logger, int processId);
}
