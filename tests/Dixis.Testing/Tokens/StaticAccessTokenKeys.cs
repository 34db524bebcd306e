using Dixis.ServiceDefaults.Security.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Dixis.Testing.Tokens;

/// <summary>A fixed set of verification keys, in place of the Auth service's JWKS.</summary>
public sealed class StaticAccessTokenKeys(IReadOnlyList<SecurityKey> keys) : IAccessTokenKeys
{
    public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SecurityKey>>(keyId is null ? keys : [.. keys.Where(key => key.KeyId == keyId)]);
}
