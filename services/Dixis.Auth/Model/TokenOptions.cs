using System.ComponentModel.DataAnnotations;

namespace Dixis.Auth.Model;

/// <summary>Token lifetimes (section <c>Auth:Tokens</c>).</summary>
public sealed class TokenOptions
{
    public const string SectionName = "Auth:Tokens";

    /// <summary>The longest access-token lifetime any option may set; revocations and retired keys are kept this long (plus skew).</summary>
    public static readonly TimeSpan MaxAccessTokenLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The clock skew validators allow; retired keys and revocations outlive the tokens by this much.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>How long a user's access token is valid (at most 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a partner client's token is valid (at most 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan ClientTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an unused refresh token stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long an email-verification token is valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long a password-reset token is valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the revocation list is re-read from the store (writes made by this replica apply at once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RevocationRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long revocations and retired keys must be kept: any token they concern has expired after it.</summary>
    public static TimeSpan Horizon => MaxAccessTokenLifetime + ClockSkew;
}
