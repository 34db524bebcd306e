namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>Why an access token was refused: an <c>ErrorInfo</c> reason and a message safe to show the caller.</summary>
/// <param name="Reason"><c>TOKEN_INVALID</c> or <c>TOKEN_EXPIRED</c> (common ErrorReason).</param>
/// <param name="Message">What was wrong, naming no key material and no claim values.</param>
public sealed record AccessTokenRejection(string Reason, string Message)
{
    public const string InvalidReason = "TOKEN_INVALID";

    public const string ExpiredReason = "TOKEN_EXPIRED";

    public static AccessTokenRejection Invalid(string message) => new(InvalidReason, message);

    public static AccessTokenRejection Expired { get; } = new(ExpiredReason, "The access token has expired; refresh it and retry.");

    public static AccessTokenRejection Revoked { get; } = new(InvalidReason, "The access token was revoked; sign in again.");
}
