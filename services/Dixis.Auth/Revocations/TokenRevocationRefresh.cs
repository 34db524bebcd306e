using Dixis.Auth.Model;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Revocations;

/// <summary>Loads the revocation list before the service answers, then re-reads it on a timer.</summary>
public sealed partial class TokenRevocationRefresh(
    TokenRevocationList revocations, TimeProvider timeProvider, IOptions<TokenOptions> options, ILogger<TokenRevocationRefresh> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await revocations.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevocationRefreshInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await revocations.RefreshAsync(stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogRefreshFailed(logger, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Re-reading the token revocation list failed; the last snapshot stays in force")]
    private static partial void LogRefreshFailed(ILogger logger, Exception error);
}
