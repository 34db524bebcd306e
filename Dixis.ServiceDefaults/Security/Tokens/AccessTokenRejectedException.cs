namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>The failure of an authentication by access token, carrying the rejection the caller is told.</summary>
public sealed class AccessTokenRejectedException(AccessTokenRejection rejection) : Exception(rejection.Message)
{
    public AccessTokenRejection Rejection { get; } = rejection;
}
