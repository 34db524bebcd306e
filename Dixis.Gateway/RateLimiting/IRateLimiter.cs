namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// Counts one call against all of its buckets at once: it passes only if every bucket has room, and then counts in
/// every one; a refused call counts in none, so a client that keeps retrying too early does not push its own limit further away.
/// </summary>
public interface IRateLimiter
{
    ValueTask<RateLimitDecision> AcquireAsync(RateLimitBucket[] buckets, CancellationToken cancellationToken);
}
