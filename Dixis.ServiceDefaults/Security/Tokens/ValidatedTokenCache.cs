using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// Tokens already verified, by their exact text, so a client calling many times with one token costs one signature
/// verification (ECDSA verification is most of a token's cost). An entry is used only until its token expires; the
/// revocation list is still checked on every call. Bounded: when full, expired entries go, and if none had expired the
/// cache starts over (tokens live ten minutes, so it fills again with the tokens in use).
/// </summary>
public sealed class ValidatedTokenCache
{
    private readonly ConcurrentDictionary<string, ValidatedAccessToken> tokens;
    private readonly ConcurrentDictionary<string, ValidatedAccessToken>.AlternateLookup<ReadOnlySpan<char>> bySpan;
    private readonly int capacity;
    private readonly IOptions<AccessTokenOptions> options;
    private readonly TimeProvider timeProvider;
    private int count;

    public ValidatedTokenCache(IOptions<AccessTokenOptions> options, TimeProvider timeProvider)
    {
        this.options = options;
        this.timeProvider = timeProvider;
        capacity = options.Value.ValidatedTokenCacheSize;
        tokens = new ConcurrentDictionary<string, ValidatedAccessToken>(StringComparer.Ordinal);
        // Looked up by a slice of the authorization header, so a call with a known token copies nothing.
        bySpan = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The verified token, while it has not expired (with the allowed clock skew).</summary>
    public ValidatedAccessToken? Find(ReadOnlySpan<char> token)
    {
        if (!bySpan.TryGetValue(token, out var validated))
        {
            return null;
        }

        if (timeProvider.GetUtcNow() - options.Value.ClockSkew >= validated.ExpiresAt)
        {
            if (bySpan.TryRemove(token, out _, out _))
            {
                Interlocked.Decrement(ref count);
            }

            return null;
        }

        return validated;
    }

    public void Add(string token, ValidatedAccessToken validated)
    {
        if (capacity == 0)
        {
            return;
        }

        if (Volatile.Read(ref count) >= capacity)
        {
            MakeRoom();
        }

        if (tokens.TryAdd(token, validated))
        {
            Interlocked.Increment(ref count);
        }
    }

    private void MakeRoom()
    {
        var expiredBefore = timeProvider.GetUtcNow() - options.Value.ClockSkew;
        foreach (var (token, validated) in tokens)
        {
            if (validated.ExpiresAt <= expiredBefore && tokens.TryRemove(token, out _))
            {
                Interlocked.Decrement(ref count);
            }
        }

        if (Volatile.Read(ref count) >= capacity)
        {
            tokens.Clear();
            Volatile.Write(ref count, 0);
        }
    }
}
