namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>The outcome of validating an access token: the verified token, or why it was refused.</summary>
public readonly record struct AccessTokenValidation(ValidatedAccessToken? Token, AccessTokenRejection? Rejection)
{
    public static AccessTokenValidation Accepted(ValidatedAccessToken token) => new(token, null);

    public static AccessTokenValidation Refused(AccessTokenRejection rejection) => new(null, rejection);
}
