using Dixis.Auth.Model;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.SigningKeys;

/// <summary>
/// Loads the key ring before the service answers (creating the first key), then checks on a timer whether a
/// rotation is due and picks up keys other replicas created.
/// </summary>
public sealed partial class SigningKeyRotation(
    SigningKeyRing ring, TimeProvider timeProvider, IOptions<SigningKeyOptions> options, ILogger<SigningKeyRotation> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ring.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ring.RotateIfDueAsync(stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The current key keeps signing; the next tick tries again.
                    LogCheckFailed(logger, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The signing-key rotation check failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception error);
}
