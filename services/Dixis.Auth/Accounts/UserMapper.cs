using Dixis.Auth.Model;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Auth.Accounts;

/// <summary>Stored users to the contract's <see cref="User"/> (the admin view); never credentials.</summary>
public static class UserMapper
{
    public static User ToUser(Document<UserRecord> document, long nowMs)
    {
        var record = document.Value;
        var user = new User
        {
            Id = document.Id,
            Email = record.Email,
            EmailVerified = record.EmailVerified,
            DisplayName = record.DisplayName,
            ProducerId = record.ProducerId ?? string.Empty,
            State = UserStates.Effective(record, nowMs),
            CreateTime = Time(record.CreateTimeMs),
            UpdateTime = Time(record.UpdateTimeMs),
            LanguageCode = record.LanguageCode,
        };
        user.Roles.AddRange(UserRoles.ToContract(record.Roles));
        if (record.LastLoginTimeMs is { } lastLogin)
        {
            user.LastLoginTime = Time(lastLogin);
        }

        return user;
    }

    /// <summary>The owner's view; the phone number is decrypted by the caller, who holds the protector.</summary>
    public static Profile ToProfile(Document<UserRecord> document, string phoneNumber)
    {
        var record = document.Value;
        var profile = new Profile
        {
            UserId = document.Id,
            Email = record.Email,
            EmailVerified = record.EmailVerified,
            DisplayName = record.DisplayName,
            PhoneNumber = phoneNumber,
            LanguageCode = record.LanguageCode,
            ProducerId = record.ProducerId ?? string.Empty,
            CreateTime = Time(record.CreateTimeMs),
            UpdateTime = Time(record.UpdateTimeMs),
            Etag = Etag.Of(document.Version),
        };
        profile.Roles.AddRange(UserRoles.ToContract(record.Roles));
        return profile;
    }

    private static Timestamp Time(long unixMs) => Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));
}
