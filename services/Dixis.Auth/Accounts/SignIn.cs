using Dixis.Auth.Audit;
using Dixis.Auth.Model;
using Dixis.Auth.Passwords;
using Dixis.Auth.Repositories;
using Dixis.Auth.Sessions;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Accounts;

/// <summary>
/// Sign-in with email and password. A wrong password and an unknown email give the same error after the same work
/// (an unknown email is checked against a dummy hash). Repeated failures lock the account for a while. A hash made
/// with older Argon2id parameters is replaced on success.
/// </summary>
public sealed class SignIn(
    UserRepository users,
    PasswordHasher hasher,
    SessionTokens sessions,
    SecurityEventLog events,
    TimeProvider timeProvider,
    IOptions<LockoutOptions> lockout)
{
    private const string Domain = AuthErrors.Domain;

    public async Task<LoginResponse> LoginAsync(LoginRequest request, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            violations.Add("email", "is required.");
        }

        if (request.Password.Length == 0)
        {
            violations.Add("password", "is required.");
        }
        else if (request.Password.Length > PasswordPolicy.MaximumLength)
        {
            violations.Add("password", $"must be at most {PasswordPolicy.MaximumLength} characters long.");
        }

        violations.ThrowIfAny(Domain);

        var email = EmailAddresses.Normalize(request.Email);
        var user = EmailAddresses.IsValid(email) ? await users.FindByEmailAsync(email, cancellationToken) : null;
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (user is not null && UserStates.Effective(user.Value, nowMs) == UserState.Locked)
        {
            await FailedAsync(user.Id, "account_locked", origin, cancellationToken);
            throw AuthErrors.AccountLocked(TimeSpan.FromMilliseconds(user.Value.LockoutEndMs!.Value - nowMs));
        }

        var verification = await hasher.VerifyAsync(request.Password, user?.Value.PasswordHash, cancellationToken);
        if (user is null)
        {
            await FailedAsync(null, "unknown_email", origin, cancellationToken);
            throw AuthErrors.InvalidCredentials();
        }

        if (!verification.Matches)
        {
            await CountFailureAsync(user.Id, origin, cancellationToken);
            throw AuthErrors.InvalidCredentials();
        }

        // Checked after the password, so that only the account's owner learns that it is disabled.
        if (user.Value.State == UserState.Disabled)
        {
            await FailedAsync(user.Id, "account_disabled", origin, cancellationToken);
            throw AuthErrors.AccountDisabled();
        }

        var newHash = verification.NeedsRehash ? await hasher.HashAsync(request.Password, cancellationToken) : null;
        var signedIn = await users.UpdateAsync(user.Id, current => current.Value with
        {
            PasswordHash = newHash ?? current.Value.PasswordHash,
            State = current.Value.State == UserState.Locked ? UserState.Active : current.Value.State,
            FailedLogins = 0,
            FailureWindowStartMs = null,
            LockoutEndMs = null,
            LastLoginTimeMs = nowMs,
        }, cancellationToken) ?? throw AuthErrors.InvalidCredentials();

        var (sessionId, tokens) = await sessions.StartAsync(signedIn, cancellationToken);
        await events.RecordAsync(new AuditEntry(SecurityEventKind.LoginSucceeded, origin)
        {
            UserId = user.Id,
            Details = newHash is null ? new Dictionary<string, string> { ["session_id"] = sessionId } : new Dictionary<string, string> { ["session_id"] = sessionId, ["password_rehashed"] = "true" },
        }, cancellationToken);
        return new LoginResponse { UserId = user.Id, Tokens = tokens };
    }

    private async Task CountFailureAsync(string userId, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var settings = lockout.Value;
        var lockedNow = false;
        await users.UpdateAsync(userId, current =>
        {
            var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            var record = current.Value;
            var windowOpen = record.FailureWindowStartMs is { } start && nowMs - start < (long)settings.FailureWindow.TotalMilliseconds;
            var failures = windowOpen ? record.FailedLogins + 1 : 1;
            lockedNow = failures >= settings.MaxFailures && record.State == UserState.Active;
            return lockedNow
                ? record with { State = UserState.Locked, LockoutEndMs = nowMs + (long)settings.LockoutDuration.TotalMilliseconds, FailedLogins = 0, FailureWindowStartMs = null, UpdateTimeMs = nowMs }
                : record with { FailedLogins = failures, FailureWindowStartMs = windowOpen ? record.FailureWindowStartMs : nowMs };
        }, cancellationToken);

        await FailedAsync(userId, "wrong_password", origin, cancellationToken);
        if (lockedNow)
        {
            await events.RecordAsync(new AuditEntry(SecurityEventKind.LockedOut, origin)
            {
                UserId = userId,
                Details = new Dictionary<string, string> { ["lockout_minutes"] = ((int)settings.LockoutDuration.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }, cancellationToken);
        }
    }

    private Task FailedAsync(string? userId, string reason, RequestOrigin origin, CancellationToken cancellationToken) =>
        events.RecordAsync(new AuditEntry(SecurityEventKind.LoginFailed, origin)
        {
            UserId = userId,
            Details = new Dictionary<string, string> { ["reason"] = reason },
        }, cancellationToken);

    /// <summary>Whether the stored user may use a session (refresh, password change).</summary>
    public static bool MayUseSessions(Document<UserRecord> user) => user.Value.State != UserState.Disabled;
}
