using Dixis.Contracts.Auth.V1;

namespace Dixis.Auth.Model;

/// <summary>An audit-log entry (collection <c>security_events</c>). Never holds passwords or tokens.</summary>
public sealed record SecurityEventRecord(
    SecurityEventKind Kind,
    string? UserId,
    string? ActorUserId,
    string? PartnerClientId,
    string? IpAddress,
    IReadOnlyDictionary<string, string> Details,
    long EventTimeMs);
