namespace Dixis.Auth.Model;

/// <summary>
/// One access-token signing key (collection <c>signing_keys</c>, id = <see cref="SigningKeyRecord.DocumentId"/> of its
/// generation, so two replicas rotating at once collide on the id and only one key is created per rotation).
/// </summary>
/// <param name="Generation">1 for the first key, then one more per rotation; the newest signs.</param>
/// <param name="KeyId">The <c>kid</c> of tokens it signs and of its JWKS entry.</param>
/// <param name="X">The public x coordinate, base64url.</param>
/// <param name="Y">The public y coordinate, base64url.</param>
/// <param name="ProtectedPrivateKey">The PKCS#8 private key encrypted with Data Protection (purpose <c>Dixis.Auth.SigningKeys.v1</c>), so a copied database does not reveal it.</param>
/// <param name="CreateTimeMs">When the key was created (and the previous one retired).</param>
public sealed record SigningKeyRecord(int Generation, string KeyId, string X, string Y, string ProtectedPrivateKey, long CreateTimeMs)
{
    public static string DocumentId(int generation) => $"generation-{generation:D8}";
}
