namespace Dixis.Auth.Model;

/// <summary>The names of the Auth service's collections.</summary>
public static class AuthCollections
{
    public const string Users = "users";
    public const string Sessions = "sessions";
    public const string RefreshTokens = "refresh_tokens";
    public const string OneTimeTokens = "one_time_tokens";
    public const string SigningKeys = "signing_keys";
    public const string TokenRevocations = "token_revocations";
    public const string SecurityEvents = "security_events";
    public const string PartnerClients = "partner_clients";
}
