using System.Security.Claims;

namespace Dixis.ServiceDefaults.Security;

/// <summary>
/// Who is calling, as a service sees it: read from the authenticated <see cref="ClaimsPrincipal"/> of the
/// call, never from request fields, so a request cannot claim to be someone else by its body.
/// </summary>
/// <param name="Subject">The user's or client's id; null for an anonymous caller.</param>
/// <param name="Roles">The caller's roles.</param>
/// <param name="ProducerId">The producer a producer user acts for.</param>
/// <param name="ClientId">The partner client, for client-credentials callers.</param>
/// <param name="Scopes">The partner client's scopes.</param>
public sealed record Caller(
    string? Subject,
    IReadOnlySet<string> Roles,
    string? ProducerId,
    string? ClientId,
    IReadOnlySet<string> Scopes)
{
    public static Caller Anonymous { get; } = new(null, new HashSet<string>(), null, null, new HashSet<string>());

    public bool IsAnonymous => Subject is null;

    public bool IsAdmin => Roles.Contains(CallerRoles.Admin);

    /// <summary>A producer user bound to a producer (a producer role without a producer id acts for nobody).</summary>
    public bool IsProducer => Roles.Contains(CallerRoles.Producer) && ProducerId is not null;

    /// <summary>Who did it, for audit trails: the user, or the partner client.</summary>
    public string ActorId => Subject ?? ClientId ?? "anonymous";

    public bool HasAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    public bool HasAnyScope(IEnumerable<string> scopes) => scopes.Any(Scopes.Contains);

    /// <summary>The caller of an authenticated principal; <see cref="Anonymous"/> otherwise.</summary>
    public static Caller From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true })
        {
            return Anonymous;
        }

        var subject = principal.FindFirst(CallerClaims.Subject)?.Value;
        var clientId = principal.FindFirst(CallerClaims.ClientId)?.Value;
        return new Caller(
            subject ?? clientId,
            principal.FindAll(CallerClaims.Role).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindFirst(CallerClaims.ProducerId)?.Value,
            clientId,
            principal.FindAll(CallerClaims.Scope).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal));
    }
}
