using System.Text.RegularExpressions;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Catalog.Loading;

/// <summary>
/// Who a tool calls the catalog as. Until access tokens arrive (the identity issue) services read the interim
/// <see cref="InternalCallerHeader"/>, which only their internal <c>grpc</c> endpoints see: the gateway strips it.
/// </summary>
public sealed partial record CallerIdentity(string Subject, IReadOnlyList<string> Roles, string? ProducerId)
{
    /// <summary>The subject tools call as, so the catalog's audit trail says the change came from a tool.</summary>
    public const string ToolSubject = "cli";

    public static CallerIdentity Admin { get; } = new(ToolSubject, [CallerRoles.Admin], null);

    public static CallerIdentity Producer(string producerId) => new(ToolSubject, [CallerRoles.Producer], producerId);

    /// <summary>The value of the <c>dixis-internal-caller</c> header, e.g. <c>sub=cli; roles=admin</c>.</summary>
    public string HeaderValue => InternalCallerHeader.Format(Subject, Roles, ProducerId);

    /// <summary>How the caller is written on the command line: <c>admin</c> or <c>producer:&lt;id&gt;</c>.</summary>
    public override string ToString() => ProducerId is null ? string.Join(',', Roles) : $"producer:{ProducerId}";

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
