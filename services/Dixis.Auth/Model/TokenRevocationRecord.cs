namespace Dixis.Auth.Model;

/// <summary>Access tokens revoked before they expire (collection <c>token_revocations</c>).</summary>
/// <param name="Subject">The <c>sub</c> of the tokens: a user id or a partner client id.</param>
/// <param name="SessionId">Only the tokens of this session (<c>sid</c>) when set.</param>
/// <param name="RevokeTimeMs">Tokens issued before this moment are rejected (rounded up to a whole second, as <c>iat</c> is).</param>
public sealed record TokenRevocationRecord(string Subject, string? SessionId, long RevokeTimeMs);
