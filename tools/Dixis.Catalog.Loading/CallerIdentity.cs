using System.Text.RegularExpressions;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Catalog.Loading;

/// <summary>
/// Who a tool calls the catalog as: an access token (<see cref="AccessToken"/>, e.g. an admin's, from signing in or from
/// a partner client's credentials), which works against the gateway and every environment; or, in Development only, the
/// interim <see cref="InternalCallerHeader"/>, which a catalog accepts only with
/// <c>Authentication:TrustInternalCallerHeader</c> and only on its internal <c>grpc</c> endpoint (the gateway strips it).
/// </summary>
public sealed partial record CallerIdentity(string Subject, IReadOnlyList<string> Roles, string? ProducerId, string? AccessToken = null)
{
    /// <summary>The environment variable tools read an access token from (sent as <c>authorization: Bearer</c>).</summary>
    public const string AccessTokenVariable = "DIXIS_ACCESS_TOKEN";

    /// <summary>A caller proven by an access token; the token says who it is.</summary>
    public static CallerIdentity Bearer(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        return new CallerIdentity(ToolSubject, [], null, accessToken.Trim());
    }

    /// <summary>The metadata entry that carries the identity on every call.</summary>
    public Grpc.Core.Metadata.Entry Header => AccessToken is null
        ? new(InternalCallerHeader.Name, HeaderValue)
        : new("authorization", $"Bearer {AccessToken}");

    /// <summary>The subject tools call as, so the catalog's audit trail says the change came from a tool.</summary>
    public const string ToolSubject = "cli";

    public static CallerIdentity Admin { get; } = new(ToolSubject, [CallerRoles.Admin], null);

    public static CallerIdentity Producer(string producerId) => new(ToolSubject, [CallerRoles.Producer], producerId);

    /// <summary>The value of the <c>dixis-internal-caller</c> header, e.g. <c>sub=cli; roles=admin</c>.</summary>
    public string HeaderValue => InternalCallerHeader.Format(Subject, Roles, ProducerId);

    /// <summary>How the caller is written on the command line: <c>admin</c> or <c>producer:&lt;id&gt;</c>.</summary>
    public override string ToString() => AccessToken is not null ? "the access token's subject" : ProducerId is null ? string.Join(',', Roles) : $"producer:{ProducerId}";

    /// <summary>Reads <c>admin</c> or <c>producer:&lt;id&gt;</c>; null (with <paramref name="error"/>) for anything else.</summary>
    public static CallerIdentity? TryParse(string text, out string? error)
    {
        error = null;
        if (text == "admin")
        {
            return Admin;
        }

        if (text.StartsWith("producer:", StringComparison.Ordinal))
        {
            var id = text["producer:".Length..];
            if (HeaderToken().IsMatch(id))
            {
                return Producer(id);
            }

            error = $"'{text}' names no valid producer id: after 'producer:' give the id, 1 to 128 letters, digits, '.', '_', ':' or '-'.";
            return null;
        }

        error = $"'{text}' is not a caller: use 'admin' or 'producer:<id>'.";
        return null;
    }

    /// <summary>What <see cref="InternalCallerHeader"/> accepts in one value.</summary>
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderToken();
}
