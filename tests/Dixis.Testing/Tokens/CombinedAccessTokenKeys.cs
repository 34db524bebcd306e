using Dixis.ServiceDefaults.Security.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Dixis.Testing.Tokens;

/// <summary>The keys of a service's own source and of the test issuer, looked up by key id in both.</summary>
public sealed class CombinedAccessTokenKeys(IAccessTokenKeys own, IAccessTokenKeys test) : IAccessTokenKeys
{
    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken) =>
        [.. await own.GetKeysAsync(keyId, cancellationToken), .. await test.GetKeysAsync(keyId, cancellationToken)];
}
