namespace Dixis.Persistence.Outbox;

/// <summary>The dispatcher's side of the outbox: claim due messages under a lease, then settle each one.</summary>
public interface IOutboxQueue
{
    /// <summary>
    /// Claims up to <paramref name="maxCount"/> messages that are due at <paramref name="now"/> and not leased,
    /// leasing them to <paramref name="owner"/> until <paramref name="leaseUntil"/>. Expired leases (a crashed
    /// dispatcher) are claimable again.
    /// </summary>
    Task<IReadOnlyList<OutboxEnvelope>> ClaimAsync(string owner, int maxCount, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Marks the message delivered; it is never claimed again.</summary>
    Task CompleteAsync(string id, string owner, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Releases the lease and makes the message due again at <paramref name="dueAt"/>, recording the error.</summary>
    Task RescheduleAsync(string id, string owner, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default);

    /// <summary>Deletes delivered messages completed before <paramref name="completedBefore"/>; returns how many.</summary>
    Task<long> PurgeCompletedAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken = default);

    /// <summary>The state of one message (for diagnostics and tests), or null when unknown.</summary>
    Task<OutboxEntryState?> FindAsync(string id, CancellationToken cancellationToken = default);
}
