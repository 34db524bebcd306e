using Dixis.Contracts.Auth.V1;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// The Auth service's revocation list, read every <see cref="AccessTokenOptions.RevocationsRefreshInterval"/> in the
/// background, so checking a token costs a dictionary lookup. When the Auth service cannot be reached the last list
/// stays in force (a revoked token then lives at most until it expires) and a warning is logged once per outage.
/// </summary>
public sealed partial class TokenRevocationFeed(
    TokenRevocationService.TokenRevocationServiceClient revocations,
    IOptions<AccessTokenOptions> options,
    TimeProvider timeProvider,
    ILogger<TokenRevocationFeed> logger) : BackgroundService, ITokenRevocations
{
    private static readonly TimeSpan FetchDeadline = TimeSpan.FromSeconds(5);

    private volatile TokenRevocationList list = TokenRevocationList.Empty;
    private long lastReadTicks;

    /// <summary>When the list was last read from the Auth service; null until the first read succeeds.</summary>
    public DateTimeOffset? LastReadTime => Interlocked.Read(ref lastReadTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public ValueTask<bool> IsRevokedAsync(string subject, string? sessionId, DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        ValueTask.FromResult(list.IsRevoked(subject, sessionId, issuedAt));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevocationsRefreshInterval, timeProvider);
        var reachable = true;
        do
        {
            try
            {
                var response = await revocations.GetTokenRevocationsAsync(
                    new GetTokenRevocationsRequest(), deadline: timeProvider.GetUtcNow().UtcDateTime + FetchDeadline, cancellationToken: stoppingToken).ConfigureAwait(false);
                list = new TokenRevocationList(response.Revocations);
                Interlocked.Exchange(ref lastReadTicks, timeProvider.GetUtcNow().UtcTicks);
                if (!reachable)
                {
                    Log.RevocationsRestored(logger, list.Count);
                    reachable = true;
                }
            }
            catch (RpcException failure) when (!stoppingToken.IsCancellationRequested)
            {
                if (reachable)
                {
                    Log.RevocationsUnavailable(logger, failure.StatusCode);
                    reachable = false;
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The token revocation list could not be read from the Auth service ({StatusCode}); the last list read stays in force")]
        public static partial void RevocationsUnavailable(ILogger logger, StatusCode statusCode);

        [LoggerMessage(2, LogLevel.Information, "The token revocation list is read again ({SubjectCount} subjects with revocations)")]
        public static partial void RevocationsRestored(ILogger logger, int subjectCount);
    }
}
