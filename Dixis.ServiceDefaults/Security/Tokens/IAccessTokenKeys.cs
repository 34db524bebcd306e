using Microsoft.IdentityModel.Tokens;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// The public keys that verify access tokens. Every service reads them from the Auth service's JWKS
/// (<see cref="JwksServiceKeys"/>); the Auth service itself answers from its own key ring.
/// </summary>
public interface IAccessTokenKeys
{
    /// <summary>
    /// The keys a token whose header names <paramref name="keyId"/> may be verified with. An unknown key id may make the
    /// implementation fetch the key set again (a key that has just been rotated in), at a bounded rate.
    /// </summary>
    ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken);
}
