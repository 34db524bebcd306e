using Dixis.Auth.Model;
using Dixis.Auth.Repositories;
using Dixis.Auth.Tokens;

namespace Dixis.Auth.Accounts;

/// <summary>Confirms that a user owns their email address with a single-use token sent to it.</summary>
public sealed class EmailVerification(UserRepository users, OneTimeTokens oneTimeTokens, TimeProvider timeProvider)
{
    /// <summary>Sends a new token, unless the address is verified already.</summary>
    public async Task RequestAsync(SignedInUser caller, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(caller.UserId, cancellationToken) ?? throw AuthErrors.UserNotFound(caller.UserId);
        if (!user.Value.EmailVerified)
        {
            await oneTimeTokens.SendAsync(OneTimeTokenPurpose.EmailVerification, user.Id, user.Value.Email, user.Value.LanguageCode, cancellationToken);
        }
    }

    public async Task ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length == 0)
        {
            throw ServiceDefaults.Grpc.RpcErrors.InvalidField(AuthErrors.Domain, "token", "is required.");
        }

        var used = await oneTimeTokens.ConsumeAsync(OneTimeTokenPurpose.EmailVerification, token, cancellationToken) ?? throw AuthErrors.OneTimeTokenInvalid("token");
        var verified = false;
        await users.UpdateAsync(used.UserId, current =>
        {
            // A token confirms the address it was sent to, not one the account has changed to since.
            verified = current.Value.Email == used.Email;
            return verified && !current.Value.EmailVerified
                ? current.Value with { EmailVerified = true, UpdateTimeMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() }
                : null;
        }, cancellationToken);
        if (!verified)
        {
            throw AuthErrors.OneTimeTokenInvalid("token");
        }
    }
}
