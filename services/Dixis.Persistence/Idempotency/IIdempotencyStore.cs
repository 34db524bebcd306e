using Dixis.Persistence.Transactions;

namespace Dixis.Persistence.Idempotency;

/// <summary>
/// Remembers requests by idempotency key so a retried request returns the first response instead of
/// doing the work twice. The fingerprint (e.g. a hash of the request) tells a retry from a misuse of a key.
/// Scope keys yourself where needed (e.g. <c>userId:key</c>).
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Begins a request, or reports what happened to an earlier one with the same key.</summary>
    /// <exception cref="ArgumentException">Empty key or fingerprint, or longer than 256 / 512 characters.</exception>
    Task<IdempotencyOutcome> TryBeginAsync(string key, string requestFingerprint, CancellationToken cancellationToken = default);

    /// <summary>Stores the response of a begun request; later retries get it back.</summary>
    /// <exception cref="InvalidOperationException">The key was not begun or is already completed.</exception>
    Task CompleteAsync(string key, byte[] response, CancellationToken cancellationToken = default);

    /// <summary>Forgets a begun request that failed without effect, so a retry starts afresh.</summary>
    Task AbandonAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes records expired at <paramref name="now"/>; returns how many.</summary>
    Task<long> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>A view whose operations join <paramref name="transaction"/> (complete the key with the changes it answers for).</summary>
    IIdempotencyStore In(ITransaction transaction);
}
