using Dixis.Auth.Accounts;
using Dixis.Auth.Model;
using Dixis.Auth.PersonalData;
using Dixis.Auth.Repositories;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Auth.Profiles;

/// <summary>
/// The signed-in user's own profile. Only display name, phone number and language are writable (no mass assignment
/// of roles or email); the phone number is personal data, encrypted at rest.
/// </summary>
public sealed class ProfileEditor(UserRepository users, PersonalDataProtector protector, TimeProvider timeProvider)
{
    private const string Domain = AuthErrors.Domain;

    private static readonly HashSet<string> Writable = new(StringComparer.Ordinal) { "display_name", "phone_number", "language_code" };

    private static readonly HashSet<string> OutputOnly = new(StringComparer.Ordinal)
    {
        "user_id", "email", "email_verified", "roles", "producer_id", "create_time", "update_time", "etag",
    };

    public async Task<Profile> GetAsync(SignedInUser caller, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(caller.UserId, cancellationToken) ?? throw AuthErrors.UserNotFound(caller.UserId);
        return ToProfile(user);
    }

    public async Task<Profile> UpdateAsync(UpdateProfileRequest request, SignedInUser caller, CancellationToken cancellationToken)
    {
        var source = request.Profile ?? new Profile();
        var paths = Paths(request.UpdateMask);
        var violations = new FieldViolations();
        if (paths.Contains("display_name"))
        {
            AccountFields.CheckDisplayName(source.DisplayName, "profile.display_name", violations);
        }

        if (paths.Contains("phone_number"))
        {
            AccountFields.CheckPhoneNumber(source.PhoneNumber, "profile.phone_number", violations);
        }

        if (paths.Contains("language_code"))
        {
            AccountFields.CheckLanguageCode(source.LanguageCode, "profile.language_code", violations);
        }

        violations.ThrowIfAny(Domain);

        var current = await users.GetAsync(caller.UserId, cancellationToken) ?? throw AuthErrors.UserNotFound(caller.UserId);
        if (source.Etag.Length > 0 && (!Etag.TryParse(source.Etag, out var version) || version != current.Version))
        {
            throw RpcErrors.EtagMismatch(Domain, $"users/{current.Id}/profile");
        }

        var record = current.Value;
        var displayName = paths.Contains("display_name") ? source.DisplayName.Trim() : record.DisplayName;
        var updated = record with
        {
            DisplayName = displayName,
            SearchText = UserSearchText.Of(record.Email, displayName),
            LanguageCode = paths.Contains("language_code") ? source.LanguageCode : record.LanguageCode,
            PhoneNumberProtected = paths.Contains("phone_number")
                ? (source.PhoneNumber.Length == 0 ? null : protector.Protect(source.PhoneNumber))
                : record.PhoneNumberProtected,
            UpdateTimeMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        try
        {
            return ToProfile(await users.Users.ReplaceAsync(current.Id, updated, current.Version, cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            throw RpcErrors.EtagMismatch(Domain, $"users/{current.Id}/profile");
        }
    }

    private Profile ToProfile(Document<UserRecord> user) =>
        UserMapper.ToProfile(user, user.Value.PhoneNumberProtected is { } phone ? protector.Unprotect(phone) : string.Empty);

    private static HashSet<string> Paths(FieldMask? mask)
    {
        var violations = new FieldViolations();
        if (mask is null || mask.Paths.Count == 0)
        {
            violations.Add("update_mask", "is required: name the fields to change, e.g. 'display_name,phone_number'.");
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in mask?.Paths ?? [])
        {
            if (Writable.Contains(path))
            {
                paths.Add(path);
            }
            else if (OutputOnly.Contains(path))
            {
                violations.Add("update_mask", $"'{path}' is output only and cannot be changed.", RpcErrors.FieldNotWritableReason);
            }
            else
            {
                violations.Add("update_mask", $"'{(path.Length > 64 ? path[..64] + "…" : path)}' is not a field of Profile; writable are display_name, phone_number, language_code.");
            }
        }

        violations.ThrowIfAny(Domain);
        return paths;
    }
}
