using Dixis.Contracts.Auth.V1;

namespace Dixis.Auth.Audit;

/// <summary>What to write to the security audit log. Never passwords or tokens.</summary>
public sealed record AuditEntry(SecurityEventKind Kind, RequestOrigin Origin)
{
    /// <summary>The user concerned.</summary>
    public string? UserId { get; init; }

    /// <summary>Who caused it, when not the user concerned (an administrator).</summary>
    public string? ActorUserId { get; init; }

    /// <summary>The partner client concerned.</summary>
    public string? PartnerClientId { get; init; }

    /// <summary>Extra facts, never secrets.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
