using StackExchange.Redis;

namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// GCRA in Redis, shared by every gateway replica: one Lua script call per request, whatever the number of buckets,
/// so the check costs one round trip and is atomic across replicas. Each key holds one number, the bucket's
/// theoretical arrival time (TAT) in microseconds, and expires when it is in the past, where it means the same as no
/// key. The time is Redis's own (<c>TIME</c>), so replicas whose clocks disagree still agree on every limit.
/// </summary>
/// <remarks>
/// The script goes through <see cref="IDatabaseAsync.ScriptEvaluateAsync(string, RedisKey[], RedisValue[], CommandFlags)"/>:
/// StackExchange.Redis sends it as EVALSHA once the server has seen it and sends it again if the server has lost it
/// (a restart, SCRIPT FLUSH), which <see cref="LoadedLuaScript"/> does not survive; <see cref="LuaScript"/>'s named
/// parameters cannot carry a variable number of keys. On a Redis Cluster the keys of one call hash to different
/// slots (CROSSSLOT); the call then fails and the gateway limits in memory, which is why the cache is a single primary.
/// </remarks>
public sealed class RedisGcraLimiter(IConnectionMultiplexer? connection = null)
{
    // KEYS[i]: a bucket; ARGV[2i-1], ARGV[2i]: its emission interval and tolerance, in microseconds.
    // Returns {0} when the call passes (and counts it in every bucket), {wait, i} when bucket i refuses it first
    // (wait: the longest any bucket needs, in microseconds), counting it nowhere.
    private const string Script = """
        if redis.replicate_commands then redis.replicate_commands() end
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
        local tats = {}
        local wait, refusedBy = 0, 0
        for i = 1, #KEYS do
          local tat = tonumber(redis.call('GET', KEYS[i])) or now
          if tat < now then tat = now end
          local needed = tat - tonumber(ARGV[2 * i]) - now
          if needed > wait then wait, refusedBy = needed, i end
          tats[i] = tat
        end
        if refusedBy > 0 then return {wait, refusedBy} end
        for i = 1, #KEYS do
          local tat = tats[i] + tonumber(ARGV[2 * i - 1])
          redis.call('SET', KEYS[i], string.format('%.0f', tat), 'PX', math.max(1, math.ceil((tat - now) / 1000)))
        end
        return {0}
        """;

    /// <summary>Whether a Redis connection is configured (<c>ConnectionStrings:cache</c>).</summary>
    public bool IsConfigured => connection is not null;

    /// <summary>Whether the connection is up now; while it is not, a call would only wait for the timeout.</summary>
    public bool IsConnected => connection is { IsConnected: true };

    /// <exception cref="RedisException">Redis refused or failed the script.</exception>
    /// <exception cref="TimeoutException">Redis did not answer within <paramref name="timeout"/>.</exception>
    public async Task<RateLimitDecision> AcquireAsync(RateLimitBucket[] buckets, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        if (connection is null)
        {
            throw new InvalidOperationException("No Redis connection is configured.");
        }

        var keys = new RedisKey[buckets.Length];
        var arguments = new RedisValue[buckets.Length * 2];
        for (var i = 0; i < buckets.Length; i++)
        {
            keys[i] = buckets[i].Key;
            arguments[2 * i] = buckets[i].IntervalMicroseconds;
            arguments[(2 * i) + 1] = buckets[i].ToleranceMicroseconds;
        }

        var result = await connection.GetDatabase().ScriptEvaluateAsync(Script, keys, arguments)
            .WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
        var answer = (long[]?)result;
        if (answer is not { Length: > 0 })
        {
            throw new RedisException("The rate limit script returned no answer.");
        }

        return answer[0] <= 0 ? RateLimitDecision.Allowed : RateLimitDecision.Refused(answer[0], buckets[(int)answer[1] - 1].Limit);
    }
}
