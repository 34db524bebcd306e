namespace Dixis.Auth.Model;

/// <summary>
/// A single-use email-verification or password-reset token (collection <c>one_time_tokens</c>, id = base64url
/// SHA-256 of the token; the token itself only travels in the notification).
/// </summary>
/// <param name="Purpose">What the token may be used for.</param>
/// <param name="UserId">Whose account.</param>
/// <param name="Email">The address the token was sent to (a verification confirms only that address).</param>
/// <param name="Used">Whether it was used; a used token never works again.</param>
/// <param name="CreateTimeMs">When it was issued.</param>
/// <param name="ExpireTimeMs">When it stops working.</param>
public sealed record OneTimeTokenRecord(OneTimeTokenPurpose Purpose, string UserId, string Email, bool Used, long CreateTimeMs, long ExpireTimeMs);
