using Dixis.Auth.Model;
using Dixis.ServiceDefaults.Background;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.SigningKeys;

/// <summary>
/// Loads the key ring before the service answers (creating the first key), then checks on a timer whether a
/// rotation is due and picks up keys other replicas created. A failed check leaves the current key signing.
/// </summary>
public sealed class SigningKeyRotation(
    SigningKeyRing ring, TimeProvider timeProvider, IOptions<SigningKeyOptions> options, ILogger<SigningKeyRotation> logger)
    : PeriodicWork(timeProvider, logger)
{
    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override string Description => "The signing-key rotation check";

    protected override Task BeforeStartAsync(CancellationToken cancellationToken) => ring.InitializeAsync(cancellationToken);

    protected override Task TickAsync(CancellationToken cancellationToken) => ring.RotateIfDueAsync(cancellationToken);
}
