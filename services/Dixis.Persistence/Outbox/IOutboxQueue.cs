namespace Dixis.Persistence.Outbox;

/// <summary>
/// The dispatcher's side of the outbox: claim due messages under a lease, then settle each one; and the operator's
/// side: the dead letters, messages parked because delivering them failed for good.
/// </summary>
public interface IOutboxQueue
{
    /// <summary>
    /// Claims up to <paramref name="maxCount"/> messages that are due at <paramref name="now"/> and not leased,
    /// leasing them to <paramref name="owner"/> until <paramref name="leaseUntil"/>. Expired leases (a crashed
    /// dispatcher) are claimable again. Dead letters are never claimed.
    /// </summary>
    Task<IReadOnlyList<OutboxEnvelope>> ClaimAsync(string owner, int maxCount, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Marks the message delivered; it is never claimed again.</summary>
    Task CompleteAsync(string id, string owner, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Releases the lease and makes the message due again at <paramref name="dueAt"/>, recording the error.</summary>
    Task RescheduleAsync(string id, string owner, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases the lease and parks the message as a dead letter at <paramref name="now"/>, recording the error: it stays
    /// in the store (maintenance never deletes it) and is not claimed again until <see cref="RequeueDeadLetterAsync"/>.
    /// False when <paramref name="owner"/> no longer holds the lease (another dispatcher claimed the message): nothing changes.
    /// </summary>
    Task<bool> DeadLetterAsync(string id, string owner, DateTimeOffset now, string error, CancellationToken cancellationToken = default);

    /// <summary>How many dead letters the store holds.</summary>
    Task<long> CountDeadLettersAsync(CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> dead letters, optionally of one type, oldest parked first.</summary>
    Task<IReadOnlyList<OutboxEntryState>> ListDeadLettersAsync(int maxCount, string? type = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a dead letter due at <paramref name="now"/> with a fresh budget of attempts (the last error stays until the
    /// next attempt). False when <paramref name="id"/> is not a dead letter (unknown, pending or delivered): nothing changes.
    /// </summary>
    Task<bool> RequeueDeadLetterAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Requeues every dead letter of <paramref name="type"/> as <see cref="RequeueDeadLetterAsync"/> does; returns how many.</summary>
    Task<long> RequeueDeadLettersAsync(string type, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Deletes delivered messages completed before <paramref name="completedBefore"/>; returns how many. Dead letters are kept.</summary>
    Task<long> PurgeCompletedAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken = default);

    /// <summary>The state of one message (for diagnostics and tests), or null when unknown.</summary>
    Task<OutboxEntryState?> FindAsync(string id, CancellationToken cancellationToken = default);
}
