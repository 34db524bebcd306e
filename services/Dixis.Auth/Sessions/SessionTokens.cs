using Dixis.Auth.Audit;
using Dixis.Auth.Model;
using Dixis.Auth.Repositories;
using Dixis.Auth.Revocations;
using Dixis.Auth.Tokens;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Sessions;

/// <summary>
/// Sessions and their refresh-token families (RFC 9700): each refresh spends the token presented (one conditional
/// update, so of two concurrent refreshes exactly one wins) and returns a new one of the same family; presenting a
/// spent token again revokes the whole family and its access tokens, since one of the two presenters is a thief.
/// </summary>
public sealed partial class SessionTokens(
    IDocumentCollection<SessionRecord> sessions,
    IDocumentCollection<RefreshTokenRecord> refreshTokens,
    UserRepository users,
    AccessTokenIssuer accessTokens,
    TokenRevocationList revocations,
    SecurityEventLog events,
    TimeProvider timeProvider,
    IOptions<TokenOptions> options,
    ILogger<SessionTokens> logger)
{
    private const string TokenType = "Bearer";

    /// <summary>A new session for a signed-in user.</summary>
    public async Task<(string SessionId, TokenPair Tokens)> StartAsync(Document<UserRecord> user, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var sessionId = Guid.CreateVersion7(now).ToString("D");
        await sessions.InsertAsync(sessionId, new SessionRecord(user.Id, false, now.ToUnixTimeMilliseconds(), null), cancellationToken);
        return (sessionId, await IssueAsync(user, sessionId, cancellationToken));
    }

    /// <summary>Spends <paramref name="refreshToken"/> and returns the family's next pair, with the user's current roles.</summary>
    public async Task<TokenPair> RefreshAsync(string refreshToken, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(refreshToken, cancellationToken) ?? throw AuthErrors.RefreshTokenInvalid();
        var token = stored.Value;
        if (token.Spent)
        {
            throw await ReusedAsync(token, origin, cancellationToken);
        }

        var session = await sessions.GetAsync(token.SessionId, cancellationToken);
        if (session is null || session.Value.Revoked || token.ExpireTimeMs <= timeProvider.GetUtcNow().ToUnixTimeMilliseconds())
        {
            throw AuthErrors.RefreshTokenInvalid();
        }

        // The atomic spend: of two concurrent refreshes of one token, only one sees spent == false.
        if (!await refreshTokens.UpdateIfAsync(stored.Id, Filter.Eq("spent", false), Update.Set("spent", true), cancellationToken))
        {
            throw await ReusedAsync(token, origin, cancellationToken);
        }

        // Roles and state are read again, so a role change or a disabled account shows at the next refresh.
        var user = await users.GetAsync(token.UserId, cancellationToken);
        if (user is null || user.Value.State == UserState.Disabled)
        {
            await RevokeSessionAsync(token.SessionId, token.UserId, cancellationToken);
            throw user is null ? AuthErrors.RefreshTokenInvalid() : AuthErrors.AccountDisabledForToken();
        }

        return await IssueAsync(user, token.SessionId, cancellationToken);
    }

    /// <summary>Ends the session of <paramref name="refreshToken"/>; an unknown or spent token is fine (idempotent).</summary>
    public async Task EndAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(refreshToken, cancellationToken);
        if (stored is not null)
        {
            await RevokeSessionAsync(stored.Value.SessionId, stored.Value.UserId, cancellationToken);
        }
    }

    /// <summary>
    /// Revokes every session of <paramref name="userId"/> except <paramref name="keepSessionId"/>, each with a revocation of
    /// its access tokens. Per session rather than for the whole subject, so a session started in the same second (the
    /// fresh pair of a password change) is not caught by the rounding of <c>iat</c>.
    /// </summary>
    public async Task RevokeAllAsync(string userId, string? keepSessionId, CancellationToken cancellationToken)
    {
        var open = await sessions.ListAllAsync(Filter.And(Filter.Eq("userId", userId), Filter.Eq("revoked", false)), cancellationToken);
        foreach (var session in open.Where(session => session.Id != keepSessionId))
        {
            await RevokeSessionAsync(session.Id, userId, cancellationToken);
        }
    }

    private async Task<TokenPair> IssueAsync(Document<UserRecord> user, string sessionId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var refreshToken = OpaqueTokens.Generate();
        var refreshExpires = now + options.Value.RefreshTokenLifetime;
        await refreshTokens.InsertAsync(
            OpaqueTokens.Hash(refreshToken),
            new RefreshTokenRecord(sessionId, user.Id, false, now.ToUnixTimeMilliseconds(), refreshExpires.ToUnixTimeMilliseconds()),
            cancellationToken);
        var access = await accessTokens.IssueForUserAsync(user.Id, user.Value.Roles, user.Value.ProducerId, sessionId, cancellationToken);
        return new TokenPair
        {
            AccessToken = access.AccessToken,
            TokenType = TokenType,
            AccessTokenExpireTime = Timestamp.FromDateTimeOffset(access.ExpireTime),
            RefreshToken = refreshToken,
            RefreshTokenExpireTime = Timestamp.FromDateTimeOffset(refreshExpires),
        };
    }

    private Task<Document<RefreshTokenRecord>?> FindAsync(string refreshToken, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(refreshToken) || refreshToken.Length > OpaqueTokens.MaxLength
            ? Task.FromResult<Document<RefreshTokenRecord>?>(null)
            : refreshTokens.GetAsync(OpaqueTokens.Hash(refreshToken), cancellationToken);

    private async Task<Exception> ReusedAsync(RefreshTokenRecord token, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var revokedNow = await RevokeSessionAsync(token.SessionId, token.UserId, cancellationToken);
        if (revokedNow)
        {
            LogFamilyRevoked(logger, token.SessionId, token.UserId);
            await events.RecordAsync(new AuditEntry(SecurityEventKind.TokenFamilyRevoked, origin)
            {
                UserId = token.UserId,
                Details = new Dictionary<string, string> { ["session_id"] = token.SessionId, ["cause"] = "refresh_token_reused" },
            }, cancellationToken);
        }

        return AuthErrors.RefreshTokenReused();
    }

    /// <summary>Revokes one family and its access tokens; false when it was revoked already.</summary>
    private async Task<bool> RevokeSessionAsync(string sessionId, string userId, CancellationToken cancellationToken)
    {
        var revokedNow = await MarkRevokedAsync(sessionId, cancellationToken);
        if (revokedNow)
        {
            await revocations.RevokeAsync(userId, sessionId, cancellationToken);
        }

        return revokedNow;
    }

    private Task<bool> MarkRevokedAsync(string sessionId, CancellationToken cancellationToken) =>
        sessions.UpdateIfAsync(sessionId, Filter.Eq("revoked", false),
            Update.Combine(Update.Set("revoked", true), Update.Set("revokeTimeMs", timeProvider.GetUtcNow().ToUnixTimeMilliseconds())), cancellationToken);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "A spent refresh token was presented again: session {SessionId} of user {UserId} is revoked")]
    private static partial void LogFamilyRevoked(ILogger logger, string sessionId, string userId);
}
