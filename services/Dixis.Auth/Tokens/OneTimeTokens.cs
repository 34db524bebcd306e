using Dixis.Auth.Model;
using Dixis.Auth.Notifications;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Queries;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Tokens;

/// <summary>
/// Single-use, expiring email-verification and password-reset tokens. The token is stored hashed; it is sent by an
/// email notification enqueued in the same unit of work, so either both exist or neither.
/// </summary>
public sealed class OneTimeTokens(
    IDocumentStore store,
    IDocumentCollection<OneTimeTokenRecord> tokens,
    EmailNotificationCodec codec,
    TimeProvider timeProvider,
    IOptions<TokenOptions> options)
{
    /// <summary>Creates a token for <paramref name="userId"/> and enqueues the email that carries it.</summary>
    public async Task SendAsync(OneTimeTokenPurpose purpose, string userId, string email, string languageCode, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var lifetime = purpose == OneTimeTokenPurpose.PasswordReset ? options.Value.PasswordResetLifetime : options.Value.EmailVerificationLifetime;
        var expires = (now + lifetime).ToUnixTimeMilliseconds();
        var token = OpaqueTokens.Generate();

        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        await tokens.In(transaction).InsertAsync(OpaqueTokens.Hash(token), new OneTimeTokenRecord(purpose, userId, email, false, now.ToUnixTimeMilliseconds(), expires), cancellationToken);
        await store.Outbox.In(transaction).EnqueueAsync(
            new OutboxMessage(EmailNotificationCodec.MessageType, codec.Encode(new EmailNotification(purpose, userId, email, languageCode, token, expires))),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Uses <paramref name="token"/> for <paramref name="purpose"/>: marks it used in one conditional update (so it works
    /// once, even under concurrent use) and returns it; null when it is unknown, used, expired or for another purpose.
    /// </summary>
    public async Task<OneTimeTokenRecord?> ConsumeAsync(OneTimeTokenPurpose purpose, string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > OpaqueTokens.MaxLength)
        {
            return null;
        }

        var id = OpaqueTokens.Hash(token);
        var stored = await tokens.GetAsync(id, cancellationToken);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (stored is null || stored.Value.Purpose != purpose || stored.Value.Used || stored.Value.ExpireTimeMs <= now)
        {
            return null;
        }

        return await tokens.UpdateIfAsync(id, Filter.And(Filter.Eq("used", false), Filter.Gt("expireTimeMs", now)), Update.Set("used", true), cancellationToken)
            ? stored.Value
            : null;
    }
}
