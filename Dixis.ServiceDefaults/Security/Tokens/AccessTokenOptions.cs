using System.ComponentModel.DataAnnotations;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// How every service validates access tokens, bound from the <c>Authentication</c> section. The Auth service issues
/// tokens with the same <see cref="Issuer"/> and <see cref="Audience"/>, so one setting changes both ends.
/// </summary>
public sealed class AccessTokenOptions
{
    public const string SectionName = "Authentication";

    /// <summary>The <c>iss</c> every token must carry.</summary>
    [Required]
    public string Issuer { get; set; } = "dixis-auth";

    /// <summary>The <c>aud</c> every token must carry: the Dixis API, whichever service is called.</summary>
    [Required]
    public string Audience { get; set; } = "dixis-api";

    /// <summary>Clock difference tolerated on <c>exp</c> and <c>nbf</c>; at most 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The service-discovery name of the Auth service, whose JWKS and revocation list are read.</summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{0,62}$")]
    public string AuthorityService { get; set; } = "auth";

    /// <summary>
    /// <see cref="AuthorityService"/> as configured, read before options exist (to register gRPC clients of the Auth
    /// service); validated at start with the rest.
    /// </summary>
    public static string AuthorityServiceIn(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        configuration[$"{SectionName}:{nameof(AuthorityService)}"] ?? new AccessTokenOptions().AuthorityService;

    /// <summary>How long a fetched key set is used before it is fetched again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KeysRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The least time between two fetches caused by tokens naming an unknown key, so a flood of tokens with made-up
    /// <c>kid</c>s cannot turn into a flood of calls to the Auth service.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan UnknownKeyRefetchInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the revocation list is read: the longest a revoked token can still be used.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RevocationsRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Validated tokens remembered, so a token's signature is verified once, not on every call.</summary>
    [Range(0, 1_000_000)]
    public int ValidatedTokenCacheSize { get; set; } = 20_000;

    /// <summary>
    /// Also accept the interim <c>dixis-internal-caller</c> header (see <see cref="InternalCallerHeader"/>), which asserts
    /// a caller without proof. Only for local tools in Development; refused at start in any other environment.
    /// </summary>
    public bool TrustInternalCallerHeader { get; set; }
}
