using Dixis.Auth.Model;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;

namespace Dixis.Auth.Accounts;

/// <summary>Stores a new account; the unique email index decides between two registrations of one email.</summary>
public sealed class AccountCreation(IDocumentCollection<UserRecord> users, TimeProvider timeProvider)
{
    /// <exception cref="global::Grpc.Core.RpcException">ALREADY_EXISTS (EMAIL_ALREADY_REGISTERED) when the email has an account.</exception>
    public async Task<Document<UserRecord>> CreateAsync(
        string normalizedEmail, string passwordHash, string displayName, string languageCode, IReadOnlyList<string> roles, bool emailVerified, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var name = displayName.Trim();
        var record = new UserRecord(
            normalizedEmail, name, UserSearchText.Of(normalizedEmail, name), passwordHash, UserRoles.Ordered(roles), null,
            UserState.Active, emailVerified, languageCode, null, 0, null, null, nowMs, nowMs, null);
        try
        {
            return await users.InsertAsync(Guid.CreateVersion7(now).ToString("D"), record, cancellationToken);
        }
        catch (UniqueIndexViolationException)
        {
            throw AuthErrors.EmailTaken(normalizedEmail);
        }
    }
}
