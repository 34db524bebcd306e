using System.ComponentModel.DataAnnotations;

namespace Dixis.Auth.Model;

/// <summary>Signing-key rotation (section <c>Auth:SigningKeys</c>).</summary>
public sealed class SigningKeyOptions
{
    public const string SectionName = "Auth:SigningKeys";

    /// <summary>How long a key signs before a new one replaces it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the key ring checks whether a rotation is due and re-reads keys other replicas created.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
