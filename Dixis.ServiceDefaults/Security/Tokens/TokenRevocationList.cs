using System.Collections.Frozen;
using Dixis.Contracts.Auth.V1;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// The revocations in force, indexed by subject: a token is revoked when an entry for its subject (for all its
/// sessions, or for its own session) was recorded after the token was issued. Immutable; a new list replaces the old.
/// </summary>
public sealed class TokenRevocationList
{
    private readonly FrozenDictionary<string, Entry[]> bySubject;

    public TokenRevocationList(IEnumerable<TokenRevocation> revocations)
    {
        ArgumentNullException.ThrowIfNull(revocations);
        bySubject = revocations
            .Where(revocation => revocation.Subject.Length > 0 && revocation.RevokeTime is not null)
            .GroupBy(revocation => revocation.Subject, StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.Select(r => new Entry(r.SessionId.Length == 0 ? null : r.SessionId, r.RevokeTime.ToDateTimeOffset())).ToArray(),
                StringComparer.Ordinal);
    }

    public static TokenRevocationList Empty { get; } = new([]);

    public int Count => bySubject.Count;

    /// <summary>
    /// Whether a token of <paramref name="subject"/> and <paramref name="sessionId"/> issued at <paramref name="issuedAt"/>
    /// is revoked. <c>iat</c> has whole seconds, so a token issued in the second of the revocation counts as before it.
    /// </summary>
    public bool IsRevoked(string subject, string? sessionId, DateTimeOffset issuedAt)
    {
        if (!bySubject.TryGetValue(subject, out var entries))
        {
            return false;
        }

        foreach (var entry in entries)
        {
            if ((entry.SessionId is null || string.Equals(entry.SessionId, sessionId, StringComparison.Ordinal))
                && issuedAt.ToUnixTimeSeconds() <= entry.RevokeTime.ToUnixTimeSeconds())
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Entry(string? SessionId, DateTimeOffset RevokeTime);
}
