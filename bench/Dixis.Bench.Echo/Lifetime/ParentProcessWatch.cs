using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Dixis.Bench.Echo.Lifetime;

/// <summary>
/// Stops the echo server when the harness that started it is gone, so a killed harness
/// (SIGKILL gives it no chance to clean up) never leaves a server behind.
/// </summary>
public sealed class ParentProcessWatch(
    IOptions<ParentProcessOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<ParentProcessWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parentPid = options.Value.ParentPid;
        if (parentPid is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!IsAlive(parentPid.Value))
                {
                    logger.LogWarning("Parent process {ParentPid} is gone; stopping the echo server", parentPid.Value);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping on its own; nothing left to watch.
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
