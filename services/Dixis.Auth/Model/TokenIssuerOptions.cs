using System.ComponentModel.DataAnnotations;

namespace Dixis.Auth.Model;

/// <summary>
/// The issuer and audience written into access tokens (shared section <c>Authentication</c>, the same keys every
/// service's token validation reads, so what this service issues is what they accept).
/// </summary>
public sealed class TokenIssuerOptions
{
    public const string SectionName = "Authentication";

    /// <summary>The <c>iss</c> claim.</summary>
    [Required]
    public string Issuer { get; set; } = "dixis-auth";

    /// <summary>The <c>aud</c> claim.</summary>
    [Required]
    public string Audience { get; set; } = "dixis-api";
}
