using Dixis.Contracts.Auth.V1;

namespace Dixis.Auth.Model;

/// <summary>A user as stored (collection <c>users</c>, id = user id). Times are Unix milliseconds.</summary>
/// <param name="Email">The normalized (trimmed, lower-cased) email, unique.</param>
/// <param name="DisplayName">The name shown to others.</param>
/// <param name="SearchText">Email and display name folded (lower case, accents removed) for the admin search.</param>
/// <param name="PasswordHash">The PHC-style Argon2id hash (<c>$argon2id$v=19$m=…,t=…,p=…$salt$hash</c>).</param>
/// <param name="Roles">The role names (<c>customer</c>, <c>producer</c>, <c>admin</c>).</param>
/// <param name="ProducerId">The producer a producer user acts for.</param>
/// <param name="State">Active, disabled or locked.</param>
/// <param name="EmailVerified">Whether the email was confirmed with a verification token.</param>
/// <param name="LanguageCode">The preferred language (BCP-47).</param>
/// <param name="PhoneNumberProtected">The phone number, encrypted with Data Protection (personal data at rest).</param>
/// <param name="FailedLogins">Failed sign-ins in the current failure window.</param>
/// <param name="FailureWindowStartMs">When the current failure window began.</param>
/// <param name="LockoutEndMs">Until when a locked account refuses sign-in.</param>
/// <param name="CreateTimeMs">When the account was created.</param>
/// <param name="UpdateTimeMs">When the account was last changed.</param>
/// <param name="LastLoginTimeMs">When the user last signed in.</param>
public sealed record UserRecord(
    string Email,
    string DisplayName,
    string SearchText,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    string? ProducerId,
    UserState State,
    bool EmailVerified,
    string LanguageCode,
    string? PhoneNumberProtected,
    int FailedLogins,
    long? FailureWindowStartMs,
    long? LockoutEndMs,
    long CreateTimeMs,
    long UpdateTimeMs,
    long? LastLoginTimeMs);
