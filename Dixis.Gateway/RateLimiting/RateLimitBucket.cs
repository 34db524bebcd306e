namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// One limit a call counts against: the identity's key (the same in Redis and in memory, e.g.
/// <c>dixis:rl:ip:203.0.113.7</c>), the limit's name for the refusal (<c>ip</c>, <c>user</c>, <c>client</c>,
/// <c>sensitive</c>) and its GCRA parameters.
/// </summary>
public readonly record struct RateLimitBucket(string Key, string Limit, long IntervalMicroseconds, long ToleranceMicroseconds)
{
    public RateLimitBucket(string key, string limit, RateLimitRule rule)
        : this(key, limit, (rule ?? throw new ArgumentNullException(nameof(rule))).IntervalMicroseconds, rule.ToleranceMicroseconds)
    {
    }
}
