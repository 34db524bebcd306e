using System.Security.Cryptography;
using Dixis.Auth.Audit;
using Dixis.Auth.Model;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Security.Tokens;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Dixis.Auth.SigningKeys;

/// <summary>
/// The access-token signing keys (ECDSA P-256, ES256), persisted in the store with their private keys encrypted by
/// Data Protection. The newest key signs; keys retired less than the longest token lifetime (plus skew) ago still
/// verify and are published, so a rotation never breaks a token already issued. Each rotation inserts the next
/// generation's document id, so replicas rotating at once create one key, not two. Also this service's own
/// <see cref="IAccessTokenKeys"/>: the Auth service validates its tokens from the ring, without calling itself.
/// </summary>
public sealed partial class SigningKeyRing(
    IDocumentCollection<SigningKeyRecord> keys,
    IDataProtectionProvider dataProtection,
    SecurityEventLog events,
    TimeProvider timeProvider,
    IOptions<SigningKeyOptions> options,
    ILogger<SigningKeyRing> logger) : IAccessTokenKeys
{
    /// <summary>The Data Protection purpose of the private keys.</summary>
    public const string ProtectionPurpose = "Dixis.Auth.SigningKeys.v1";

    private static readonly TimeSpan UnknownKeyReloadInterval = TimeSpan.FromSeconds(5);

    private readonly IDataProtector protector = dataProtection.CreateProtector(ProtectionPurpose);
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile IReadOnlyList<SigningKey> ring = [];
    private long lastReloadTicks;

    /// <summary>The key that signs now.</summary>
    public SigningKey Current => ring.Count > 0 ? ring[^1] : throw new InvalidOperationException("The signing key ring is not initialized.");

    /// <summary>Loads the ring, creating the first key when there is none. Called once at start.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (ring.Count == 0)
        {
            await InsertGenerationAsync(1, cancellationToken);
        }
    }

    /// <summary>The credentials that sign new tokens (the newest key).</summary>
    public async Task<SigningCredentials> GetSigningCredentialsAsync(CancellationToken cancellationToken)
    {
        if (ring.Count == 0)
        {
            await InitializeAsync(cancellationToken);
        }

        return new SigningCredentials(Current.Signing, SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>Creates the next key now, whatever the schedule (tests, and an operator's emergency rotation).</summary>
    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        await InsertGenerationAsync(ring.Count == 0 ? 1 : Current.Generation + 1, cancellationToken);
    }

    /// <summary>Re-reads the ring (keys other replicas created) and rotates when the current key is older than the interval.</summary>
    public async Task RotateIfDueAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (ring.Count == 0 || timeProvider.GetUtcNow() - Current.CreateTime >= options.Value.RotationInterval)
        {
            await InsertGenerationAsync(ring.Count == 0 ? 1 : Current.Generation + 1, cancellationToken);
        }
    }

    /// <summary>
    /// The keys whose tokens may still be valid at <paramref name="now"/>: the current one and those retired (replaced
    /// by a newer one) less than the longest access-token lifetime plus the clock skew ago. Newest first.
    /// </summary>
    public IReadOnlyList<SigningKey> PublishedKeys(DateTimeOffset now)
    {
        var snapshot = ring;
        var published = new List<SigningKey>();
        for (var index = snapshot.Count - 1; index >= 0; index--)
        {
            var retiredAt = index == snapshot.Count - 1 ? (DateTimeOffset?)null : snapshot[index + 1].CreateTime;
            if (retiredAt is null || now - retiredAt.Value < TokenOptions.Horizon)
            {
                published.Add(snapshot[index]);
            }
        }

        return published;
    }

    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken)
    {
        var published = PublishedKeys(timeProvider.GetUtcNow());
        if (keyId is not null && !published.Any(key => key.KeyId == keyId) && ReloadAllowed())
        {
            // A key another replica has just rotated in: re-read, at a bounded rate so forged kids cannot hammer the store.
            await ReloadAsync(cancellationToken);
            published = PublishedKeys(timeProvider.GetUtcNow());
        }

        return [.. published.Where(key => keyId is null || key.KeyId == keyId).Select(key => (SecurityKey)key.Verification)];
    }

    private bool ReloadAllowed()
    {
        var now = timeProvider.GetTimestamp();
        var last = Interlocked.Read(ref lastReloadTicks);
        return timeProvider.GetElapsedTime(last, now) >= UnknownKeyReloadInterval
            && Interlocked.CompareExchange(ref lastReloadTicks, now, last) == last;
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await reloading.WaitAsync(cancellationToken);
        try
        {
            var loaded = new List<SigningKey>();
            string? pageToken = null;
            do
            {
                var page = await keys.QueryAsync(new Query { Sort = [SortField.Ascending("generation")], PageSize = 200, PageToken = pageToken }, cancellationToken);
                loaded.AddRange(page.Items.Select(document => Load(document.Value)));
                pageToken = page.NextPageToken;
            }
            while (pageToken is not null);

            // Older keys than the horizon can never verify a live token again; only the tail is kept in memory.
            ring = loaded;
            Interlocked.Exchange(ref lastReloadTicks, timeProvider.GetTimestamp());
        }
        finally
        {
            reloading.Release();
        }
    }

    private async Task InsertGenerationAsync(int generation, CancellationToken cancellationToken)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        var now = timeProvider.GetUtcNow();
        var record = new SigningKeyRecord(
            generation,
            Guid.CreateVersion7(now).ToString("N"),
            Base64UrlEncoder.Encode(parameters.Q.X),
            Base64UrlEncoder.Encode(parameters.Q.Y),
            Convert.ToBase64String(protector.Protect(ecdsa.ExportPkcs8PrivateKey())),
            now.ToUnixTimeMilliseconds());
        try
        {
            await keys.InsertAsync(SigningKeyRecord.DocumentId(generation), record, cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another replica rotated for this generation first: use its key.
            await ReloadAsync(cancellationToken);
            return;
        }

        await ReloadAsync(cancellationToken);
        Log.Rotated(logger, record.KeyId, generation);
        await events.RecordAsync(new AuditEntry(SecurityEventKind.SigningKeyRotated, RequestOrigin.Internal)
        {
            Details = new Dictionary<string, string> { ["key_id"] = record.KeyId, ["generation"] = generation.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }, cancellationToken);
    }

    private SigningKey Load(SigningKeyRecord record)
    {
        var existing = ring.FirstOrDefault(key => key.KeyId == record.KeyId);
        if (existing is not null)
        {
            return existing;
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(protector.Unprotect(Convert.FromBase64String(record.ProtectedPrivateKey)), out _);
        return new SigningKey(record, ecdsa);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Signing key {KeyId} (generation {Generation}) now signs access tokens")]
        public static partial void Rotated(ILogger logger, string keyId, int generation);
    }
}
