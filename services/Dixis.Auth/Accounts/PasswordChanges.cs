using Dixis.Auth.Audit;
using Dixis.Auth.Model;
using Dixis.Auth.Passwords;
using Dixis.Auth.Repositories;
using Dixis.Auth.Sessions;
using Dixis.Auth.Tokens;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Auth.Accounts;

/// <summary>Changing a password (knowing the current one) and resetting it (with a single-use token sent by email).</summary>
public sealed class PasswordChanges(
    UserRepository users,
    PasswordPolicy policy,
    PasswordHasher hasher,
    SessionTokens sessions,
    OneTimeTokens oneTimeTokens,
    SecurityEventLog events,
    TimeProvider timeProvider)
{
    private const string Domain = AuthErrors.Domain;

    /// <summary>Sets a new password, revokes every session and returns a fresh one for the caller.</summary>
    public async Task<ChangePasswordResponse> ChangeAsync(ChangePasswordRequest request, SignedInUser caller, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (request.CurrentPassword.Length == 0)
        {
            violations.Add("current_password", "is required.");
        }

        policy.Check(request.NewPassword, "new_password", violations);
        violations.ThrowIfAny(Domain);

        var user = await users.GetAsync(caller.UserId, cancellationToken) ?? throw AuthErrors.UserNotFound(caller.UserId);
        if (!SignIn.MayUseSessions(user))
        {
            throw AuthErrors.AccountDisabledForToken();
        }

        if (!(await hasher.VerifyAsync(request.CurrentPassword, user.Value.PasswordHash, cancellationToken)).Matches)
        {
            throw AuthErrors.CurrentPasswordWrong();
        }

        var updated = await SetPasswordAsync(user.Id, request.NewPassword, markEmailVerified: false, cancellationToken) ?? throw AuthErrors.UserNotFound(caller.UserId);
        var (sessionId, tokens) = await sessions.StartAsync(updated, cancellationToken);
        await sessions.RevokeAllAsync(user.Id, keepSessionId: sessionId, cancellationToken);
        await RecordAsync(user.Id, "change", origin, cancellationToken);
        return new ChangePasswordResponse { Tokens = tokens };
    }

    /// <summary>Sends a reset token when the email has an active account; answers the same either way.</summary>
    public async Task RequestResetAsync(RequestPasswordResetRequest request, CancellationToken cancellationToken)
    {
        var email = EmailAddresses.Normalize(request.Email);
        if (email.Length == 0 || !EmailAddresses.IsValid(email))
        {
            throw RpcErrors.InvalidField(Domain, "email", email.Length == 0 ? "is required." : "is not an email address.");
        }

        var user = await users.FindByEmailAsync(email, cancellationToken);
        if (user is not null && user.Value.State != UserState.Disabled)
        {
            await oneTimeTokens.SendAsync(OneTimeTokenPurpose.PasswordReset, user.Id, user.Value.Email, user.Value.LanguageCode, cancellationToken);
        }
    }

    /// <summary>Sets a new password with a reset token, ends any lockout, and revokes every session.</summary>
    public async Task ConfirmResetAsync(ConfirmPasswordResetRequest request, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (request.Token.Length == 0)
        {
            violations.Add("token", "is required.");
        }

        policy.Check(request.NewPassword, "new_password", violations);
        violations.ThrowIfAny(Domain);

        var token = await oneTimeTokens.ConsumeAsync(OneTimeTokenPurpose.PasswordReset, request.Token, cancellationToken) ?? throw AuthErrors.OneTimeTokenInvalid("token");
        var updated = await SetPasswordAsync(token.UserId, request.NewPassword, markEmailVerified: true, cancellationToken, token.Email);
        if (updated is null || updated.Value.State == UserState.Disabled)
        {
            throw AuthErrors.OneTimeTokenInvalid("token");
        }

        await sessions.RevokeAllAsync(token.UserId, keepSessionId: null, cancellationToken);
        await RecordAsync(token.UserId, "reset", origin, cancellationToken);
    }

    private async Task<Document<UserRecord>?> SetPasswordAsync(string userId, string password, bool markEmailVerified, CancellationToken cancellationToken, string? tokenEmail = null)
    {
        var hash = await hasher.HashAsync(password, cancellationToken);
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return await users.UpdateAsync(userId, current => current.Value with
        {
            PasswordHash = hash,
            // A reset proves the mailbox, as a verification does, and ends a lockout: the owner is back.
            EmailVerified = current.Value.EmailVerified || (markEmailVerified && tokenEmail == current.Value.Email),
            State = markEmailVerified && current.Value.State == UserState.Locked ? UserState.Active : current.Value.State,
            FailedLogins = markEmailVerified ? 0 : current.Value.FailedLogins,
            LockoutEndMs = markEmailVerified ? null : current.Value.LockoutEndMs,
            UpdateTimeMs = nowMs,
        }, cancellationToken);
    }

    private Task RecordAsync(string userId, string via, RequestOrigin origin, CancellationToken cancellationToken) =>
        events.RecordAsync(new AuditEntry(SecurityEventKind.PasswordChanged, origin)
        {
            UserId = userId,
            Details = new Dictionary<string, string> { ["via"] = via },
        }, cancellationToken);
}
