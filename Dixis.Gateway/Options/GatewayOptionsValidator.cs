using Microsoft.Extensions.Options;

namespace Dixis.Gateway.Options;

/// <summary>Rejects origins that CORS would silently never match, so a typo fails at start instead of in a browser.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        foreach (var origin in options.AllowedOrigins)
        {
            if (origin == "*")
            {
                failures.Add("Gateway:AllowedOrigins must list explicit origins; '*' is not allowed.");
                continue;
            }

            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.AbsolutePath != "/"
                || origin.EndsWith('/'))
            {
                failures.Add($"Gateway:AllowedOrigins entry '{origin}' is not an origin of the form scheme://host[:port].");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
