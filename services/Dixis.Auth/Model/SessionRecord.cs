namespace Dixis.Auth.Model;

/// <summary>
/// A session (collection <c>sessions</c>, id = session id = the <c>sid</c> claim): one refresh-token family.
/// Revoking it kills every refresh token of the family at once, whichever one an attacker holds.
/// </summary>
/// <param name="UserId">Whose session.</param>
/// <param name="Revoked">Whether the family is revoked (logout, re-use of a spent token, password change, disabling).</param>
/// <param name="CreateTimeMs">When the session began (sign-in).</param>
/// <param name="RevokeTimeMs">When it was revoked.</param>
public sealed record SessionRecord(string UserId, bool Revoked, long CreateTimeMs, long? RevokeTimeMs);
