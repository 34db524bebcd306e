namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// Access tokens revoked before they expire (a disabled user, a revoked partner client, a stolen refresh-token
/// family). Every service reads them from the Auth service (<see cref="TokenRevocationFeed"/>); the Auth service
/// itself answers from its store.
/// </summary>
public interface ITokenRevocations
{
    /// <summary>
    /// Whether a token of <paramref name="subject"/> (its <c>sub</c>), of session <paramref name="sessionId"/> (its
    /// <c>sid</c>, when it has one), issued at <paramref name="issuedAt"/> (its <c>iat</c>) is revoked. Called on every
    /// authenticated call, so implementations answer from memory.
    /// </summary>
    ValueTask<bool> IsRevokedAsync(string subject, string? sessionId, DateTimeOffset issuedAt, CancellationToken cancellationToken);
}
