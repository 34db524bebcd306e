using System.Collections.Concurrent;
using Dixis.ServiceDefaults.Security.Tokens;

namespace Dixis.Testing.Tokens;

/// <summary>Revocations a test records, in place of the Auth service's revocation list.</summary>
public sealed class StaticTokenRevocations : ITokenRevocations
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> revokedSubjects = new(StringComparer.Ordinal);

    /// <summary>Revokes every token of <paramref name="subject"/> issued up to now.</summary>
    public void Revoke(string subject) => revokedSubjects[subject] = DateTimeOffset.UtcNow;

    public ValueTask<bool> IsRevokedAsync(string subject, string? sessionId, DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        ValueTask.FromResult(revokedSubjects.TryGetValue(subject, out var at) && issuedAt.ToUnixTimeSeconds() <= at.ToUnixTimeSeconds());
}
