using System.ComponentModel.DataAnnotations;

namespace Dixis.Auth.Model;

/// <summary>Account lockout after repeated failed sign-ins (section <c>Auth:Lockout</c>).</summary>
public sealed class LockoutOptions
{
    public const string SectionName = "Auth:Lockout";

    /// <summary>Failures within <see cref="FailureWindow"/> that lock the account.</summary>
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long failures are counted together.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked account refuses sign-in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
