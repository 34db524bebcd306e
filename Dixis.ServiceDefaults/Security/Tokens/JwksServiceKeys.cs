using System.Collections.Frozen;
using System.Security.Cryptography;
using Dixis.Contracts.Auth.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// The Auth service's public keys, read from its <c>JwksService</c> and kept for
/// <see cref="AccessTokenOptions.KeysRefreshInterval"/>. A token naming a key not in the set fetches it again (the key
/// may have just been rotated in), at most once per <see cref="AccessTokenOptions.UnknownKeyRefetchInterval"/>. When the
/// Auth service cannot be reached the last set stays in use.
/// </summary>
public sealed partial class JwksServiceKeys(
    JwksService.JwksServiceClient jwks,
    IOptions<AccessTokenOptions> options,
    TimeProvider timeProvider,
    ILogger<JwksServiceKeys> logger) : IAccessTokenKeys, IDisposable
{
    private static readonly TimeSpan FetchDeadline = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim fetching = new(1, 1);
    private volatile KeySet current = KeySet.None;

    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken)
    {
        var set = current;
        var now = timeProvider.GetUtcNow();
        var stale = now - set.FetchTime >= options.Value.KeysRefreshInterval;
        var unknown = keyId is not null && !set.Keys.ContainsKey(keyId) && now - set.FetchTime >= options.Value.UnknownKeyRefetchInterval;
        if (stale || unknown)
        {
            set = await RefreshAsync(set, cancellationToken).ConfigureAwait(false);
        }

        return keyId is null ? [.. set.Keys.Values] : set.Keys.TryGetValue(keyId, out var key) ? [key] : [];
    }

    public void Dispose() => fetching.Dispose();

    private async Task<KeySet> RefreshAsync(KeySet seen, CancellationToken cancellationToken)
    {
        await fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched while this one waited.
            if (!ReferenceEquals(current, seen))
            {
                return current;
            }

            var fetchTime = timeProvider.GetUtcNow();
            try
            {
                // Not the inbound call's cancellation: the set is shared, one caller giving up must not waste the fetch.
                var response = await jwks.GetJwksAsync(new GetJwksRequest(), deadline: timeProvider.GetUtcNow().UtcDateTime + FetchDeadline, cancellationToken: CancellationToken.None)
                    .ConfigureAwait(false);
                current = new KeySet(ToSecurityKeys(response), fetchTime);
                Log.KeysFetched(logger, current.Keys.Count);
            }
            catch (RpcException failure)
            {
                // Keep the keys there are; try again at the next refetch interval, not on every call.
                current = seen with { FetchTime = fetchTime - options.Value.KeysRefreshInterval + options.Value.UnknownKeyRefetchInterval };
                Log.KeysUnavailable(logger, failure.StatusCode, seen.Keys.Count);
            }

            return current;
        }
        finally
        {
            fetching.Release();
        }
    }

    /// <summary>The P-256 signing keys of the set; any other kind of key is not one Dixis issues, and is ignored.</summary>
    private FrozenDictionary<string, SecurityKey> ToSecurityKeys(Dixis.Contracts.Auth.V1.JsonWebKeySet set)
    {
        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            if (key is not { Kty: "EC", Crv: "P-256", Alg: SecurityAlgorithms.EcdsaSha256 } || key.Kid.Length == 0 || (key.Use.Length > 0 && key.Use != "sig"))
            {
                Log.KeyIgnored(logger, key.Kid, key.Kty, key.Alg);
                continue;
            }

            try
            {
                var ecdsa = ECDsa.Create(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(key.X), Y = Base64UrlEncoder.DecodeBytes(key.Y) },
                });
                keys[key.Kid] = new ECDsaSecurityKey(ecdsa) { KeyId = key.Kid };
            }
            catch (Exception malformed) when (malformed is CryptographicException or FormatException or ArgumentException)
            {
                Log.KeyIgnored(logger, key.Kid, key.Kty, key.Alg);
            }
        }

        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record KeySet(FrozenDictionary<string, SecurityKey> Keys, DateTimeOffset FetchTime)
    {
        public static KeySet None { get; } = new(FrozenDictionary<string, SecurityKey>.Empty, DateTimeOffset.MinValue);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Fetched {KeyCount} access-token signing keys from the Auth service")]
        public static partial void KeysFetched(ILogger logger, int keyCount);

        [LoggerMessage(2, LogLevel.Warning, "The Auth service's signing keys could not be fetched ({StatusCode}); validating with the {KeyCount} keys already known")]
        public static partial void KeysUnavailable(ILogger logger, StatusCode statusCode, int keyCount);

        [LoggerMessage(3, LogLevel.Warning, "Ignored a published key {KeyId} ({KeyType}, {Algorithm}): only EC P-256 ES256 signing keys verify Dixis tokens")]
        public static partial void KeyIgnored(ILogger logger, string keyId, string keyType, string algorithm);
    }
}
