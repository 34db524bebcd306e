using Dixis.Auth.Model;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Security.Tokens;

namespace Dixis.Auth.Revocations;

/// <summary>
/// The access tokens revoked before they expire (collection <c>token_revocations</c>), answered from an in-memory
/// snapshot: a revocation made by this replica applies at once, one made by another replica at the next refresh.
/// Entries older than the longest access-token lifetime plus skew concern only expired tokens and are dropped.
/// Also this service's own <see cref="ITokenRevocations"/>.
/// </summary>
public sealed class TokenRevocationList(IDocumentCollection<TokenRevocationRecord> revocations, TimeProvider timeProvider) : ITokenRevocations
{
    private readonly Lock writing = new();
    private volatile IReadOnlyList<TokenRevocationRecord> snapshot = [];

    /// <summary>The revocations in force now.</summary>
    public IReadOnlyList<TokenRevocationRecord> Current
    {
        get
        {
            var horizon = timeProvider.GetUtcNow().Subtract(TokenOptions.Horizon).ToUnixTimeMilliseconds();
            return [.. snapshot.Where(entry => entry.RevokeTimeMs >= horizon)];
        }
    }

    /// <summary>Revokes every token of <paramref name="subject"/> issued until now, or only those of session <paramref name="sessionId"/>.</summary>
    public async Task RevokeAsync(string subject, string? sessionId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();

        // iat has whole seconds: rounding up rejects a token issued earlier in this very second, never one issued later.
        var revokeTimeMs = (now.ToUnixTimeMilliseconds() / 1000 + 1) * 1000;
        var record = new TokenRevocationRecord(subject, sessionId, revokeTimeMs);
        await revocations.InsertAsync(Guid.CreateVersion7(now).ToString("D"), record, cancellationToken);
        lock (writing)
        {
            snapshot = [.. snapshot, record];
        }
    }

    /// <summary>Re-reads the revocations in force (other replicas' writes) and deletes the expired ones.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var horizon = timeProvider.GetUtcNow().Subtract(TokenOptions.Horizon).ToUnixTimeMilliseconds();
        var live = new List<TokenRevocationRecord>();
        string? pageToken = null;
        do
        {
            var page = await revocations.QueryAsync(new Query { Filter = Filter.Gte("revokeTimeMs", horizon), PageSize = 500, PageToken = pageToken }, cancellationToken);
            live.AddRange(page.Items.Select(item => item.Value));
            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);

        lock (writing)
        {
            // Keep entries this replica wrote while the query ran.
            snapshot = [.. live.Union(snapshot.Where(entry => entry.RevokeTimeMs >= horizon))];
        }

        var expired = await revocations.QueryAsync(new Query { Filter = Filter.Lt("revokeTimeMs", horizon), PageSize = 500 }, cancellationToken);
        foreach (var entry in expired.Items)
        {
            await revocations.DeleteAsync(entry.Id, cancellationToken: cancellationToken);
        }
    }

    public ValueTask<bool> IsRevokedAsync(string subject, string? sessionId, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var issuedAtMs = issuedAt.ToUnixTimeMilliseconds();
        foreach (var entry in snapshot)
        {
            if (entry.Subject == subject && (entry.SessionId is null || entry.SessionId == sessionId) && issuedAtMs < entry.RevokeTimeMs)
            {
                return ValueTask.FromResult(true);
            }
        }

        return ValueTask.FromResult(false);
    }
}
