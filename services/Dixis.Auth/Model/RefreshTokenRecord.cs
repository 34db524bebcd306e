namespace Dixis.Auth.Model;

/// <summary>
/// One refresh token (collection <c>refresh_tokens</c>, id = base64url SHA-256 of the token, so the store never
/// holds a usable token and a lookup needs no scan).
/// </summary>
/// <param name="SessionId">The family it belongs to.</param>
/// <param name="UserId">Whose token.</param>
/// <param name="Spent">Whether it was exchanged already; presenting it again is a re-use (RFC 9700).</param>
/// <param name="CreateTimeMs">When it was issued.</param>
/// <param name="ExpireTimeMs">When it stops working unless used first.</param>
public sealed record RefreshTokenRecord(string SessionId, string UserId, bool Spent, long CreateTimeMs, long ExpireTimeMs);
