namespace Dixis.ServiceDefaults.Security;

/// <summary>
/// The claim types services read a caller from. They are the access token's claim names (the JWT of the
/// identity issue), so a service reads a caller the same way whichever scheme authenticated it.
/// </summary>
public static class CallerClaims
{
    /// <summary>The user's or partner client's id.</summary>
    public const string Subject = "sub";

    /// <summary>One claim per role: <c>customer</c>, <c>producer</c>, <c>admin</c>.</summary>
    public const string Role = "roles";

    /// <summary>The producer a <c>producer</c> user acts for.</summary>
    public const string ProducerId = "producer_id";

    /// <summary>The partner API client, for client-credentials callers.</summary>
    public const string ClientId = "client_id";

    /// <summary>One claim per partner scope, e.g. <c>catalog.write</c>.</summary>
    public const string Scope = "scope";
}
