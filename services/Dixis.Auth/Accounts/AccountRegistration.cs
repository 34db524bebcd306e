using Dixis.Auth.Model;
using Dixis.Auth.Passwords;
using Dixis.Auth.Sessions;
using Dixis.Auth.Tokens;
using Dixis.Contracts.Auth.V1;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Accounts;

/// <summary>Registration: a customer account, signed in at once, with an email-verification notification on its way.</summary>
public sealed class AccountRegistration(
    AccountCreation creation,
    PasswordPolicy policy,
    PasswordHasher hasher,
    SessionTokens sessions,
    OneTimeTokens oneTimeTokens,
    IOptions<AccountOptions> options)
{
    private const string Domain = AuthErrors.Domain;

    public async Task<RegisterResponse> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var email = EmailAddresses.Normalize(request.Email);
        var violations = new FieldViolations();
        if (email.Length == 0)
        {
            violations.Add("email", "is required.");
        }
        else if (!EmailAddresses.IsValid(email))
        {
            violations.Add("email", "is not an email address.");
        }

        policy.Check(request.Password, "password", violations);
        AccountFields.CheckDisplayName(request.DisplayName, "display_name", violations);
        var language = request.LanguageCode.Length == 0 ? options.Value.DefaultLanguage : request.LanguageCode;
        AccountFields.CheckLanguageCode(language, "language_code", violations);
        violations.ThrowIfAny(Domain);

        var hash = await hasher.HashAsync(request.Password, cancellationToken);
        var user = await creation.CreateAsync(email, hash, request.DisplayName, language, [CallerRoles.Customer], emailVerified: false, cancellationToken);
        await oneTimeTokens.SendAsync(OneTimeTokenPurpose.EmailVerification, user.Id, email, language, cancellationToken);
        var (_, tokens) = await sessions.StartAsync(user, cancellationToken);
        return new RegisterResponse { UserId = user.Id, Tokens = tokens };
    }
}
