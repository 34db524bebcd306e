namespace Dixis.Gateway.Tests.Security;

/// <summary>A user of the security suite and their session.</summary>
public sealed record SignedInUser(string UserId, string Email, string Password, string AccessToken, string RefreshToken);
