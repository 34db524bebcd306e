using System.ComponentModel.DataAnnotations;

namespace Dixis.Auth.PersonalData;

/// <summary>
/// Where the auth service's Data Protection key ring lives and how often it rotates (configuration section
/// <c>Auth:DataProtection</c>), validated at start.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "Auth:DataProtection";

    /// <summary>
    /// The folder of the key ring's XML files. Default: <c>&lt;Persistence:DataDirectory&gt;/auth.keys</c>, next to
    /// but not inside the database file. In production point it at a separate secret volume: whoever holds both the
    /// database and this folder can read every address.
    /// </summary>
    public string? KeyRingDirectory { get; set; }

    /// <summary>
    /// How long a new key is the one that protects new values (Data Protection's own rotation). Old keys stay in the
    /// ring and keep decrypting what they protected. Data Protection refuses less than 7 days.
    /// </summary>
    [Range(typeof(TimeSpan), "7.00:00:00", "3650.00:00:00", ErrorMessage = "Auth:DataProtection:KeyLifetime must be between 7 days and 10 years.")]
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromDays(90);
}
