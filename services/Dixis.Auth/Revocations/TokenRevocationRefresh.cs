using Dixis.Auth.Model;
using Dixis.ServiceDefaults.Background;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Revocations;

/// <summary>Loads the revocation list before the service answers, then re-reads it on a timer (other replicas write too).</summary>
public sealed class TokenRevocationRefresh(
    TokenRevocationList revocations, TimeProvider timeProvider, IOptions<TokenOptions> options, ILogger<TokenRevocationRefresh> logger)
    : PeriodicWork(timeProvider, logger)
{
    protected override TimeSpan Interval => options.Value.RevocationRefreshInterval;

    protected override string Description => "Re-reading the token revocation list";

    protected override Task BeforeStartAsync(CancellationToken cancellationToken) => revocations.RefreshAsync(cancellationToken);

    protected override Task TickAsync(CancellationToken cancellationToken) => revocations.RefreshAsync(cancellationToken);
}
