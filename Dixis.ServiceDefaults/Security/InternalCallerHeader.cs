using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;

namespace Dixis.ServiceDefaults.Security;

/// <summary>
/// The interim caller identity of service-to-service calls, until access tokens (the identity issue) replace
/// it: <c>dixis-internal-caller: sub=u-1; roles=producer; producer_id=p-7</c>. Services trust it because only
/// callers inside the platform reach their endpoints; the gateway never relays it from outside.
/// </summary>
public static partial class InternalCallerHeader
{
    /// <summary>The metadata key (gRPC metadata keys are lower case).</summary>
    public const string Name = "dixis-internal-caller";

    /// <summary>The header value for a caller.</summary>
    public static string Format(string subject, IEnumerable<string> roles, string? producerId = null, string? clientId = null, IEnumerable<string>? scopes = null)
    {
        var value = new StringBuilder($"sub={subject}");
        var roleList = string.Join(',', roles);
        if (roleList.Length > 0)
        {
            value.Append($"; roles={roleList}");
        }

        if (producerId is not null)
        {
            value.Append($"; producer_id={producerId}");
        }

        if (clientId is not null)
        {
            value.Append($"; client_id={clientId}");
        }

        var scopeList = scopes is null ? string.Empty : string.Join(',', scopes);
        if (scopeList.Length > 0)
        {
            value.Append($"; scopes={scopeList}");
        }

        return value.ToString();
    }

    /// <summary>The claims a header value asserts, or null when it is malformed.</summary>
    public static ClaimsIdentity? Parse(string value, string authenticationType)
    {
        if (value.Length > 1024)
        {
            return null;
        }

        var claims = new List<Claim>();
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=');
            if (separator <= 0)
            {
                return null;
            }

            var (key, text) = (part[..separator].Trim(), part[(separator + 1)..].Trim());
            var claimType = key switch
            {
                "sub" => CallerClaims.Subject,
                "roles" => CallerClaims.Role,
                "producer_id" => CallerClaims.ProducerId,
                "client_id" => CallerClaims.ClientId,
                "scopes" => CallerClaims.Scope,
                _ => null,
            };
            if (claimType is null)
            {
                return null;
            }

            foreach (var item in claimType is CallerClaims.Role or CallerClaims.Scope ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [text])
            {
                if (!Token().IsMatch(item))
                {
                    return null;
                }

                claims.Add(new Claim(claimType, item));
            }
        }

        return claims.Exists(c => c.Type is CallerClaims.Subject or CallerClaims.ClientId)
            ? new ClaimsIdentity(claims, authenticationType, CallerClaims.Subject, CallerClaims.Role)
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
