using Dixis.Contracts.Auth.V1;

namespace Dixis.Auth.Model;

/// <summary>A partner API client (collection <c>partner_clients</c>, id = client id).</summary>
/// <param name="DisplayName">A name for administrators.</param>
/// <param name="Scopes">The scopes it may request.</param>
/// <param name="ProducerId">The producer it acts for, when bound.</param>
/// <param name="State">Active or revoked.</param>
/// <param name="SecretHash">base64url SHA-256 of the secret (the secret is 32 random bytes, so no slow hash is needed).</param>
/// <param name="SecretHint">The secret's last four characters.</param>
/// <param name="CreatorUserId">The administrator who created it.</param>
/// <param name="CreateTimeMs">When it was created.</param>
/// <param name="RevokeTimeMs">When it was revoked.</param>
public sealed record PartnerClientRecord(
    string DisplayName,
    IReadOnlyList<string> Scopes,
    string? ProducerId,
    PartnerClientState State,
    string SecretHash,
    string SecretHint,
    string CreatorUserId,
    long CreateTimeMs,
    long? RevokeTimeMs);
