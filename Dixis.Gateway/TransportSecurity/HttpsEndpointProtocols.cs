using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.TransportSecurity;

/// <summary>
/// Makes every HTTPS endpoint of the Kestrel configuration that names no <c>Protocols</c> of its own negotiate
/// HTTP/1.1 and HTTP/2 by ALPN: HTTP/2 for native gRPC, HTTP/1.1 for browsers' gRPC-Web and JSON, on one port.
/// Kestrel's own default would already be that, unless <c>Kestrel:EndpointDefaults:Protocols</c> is set (a
/// platform may set it to Http2 for the cleartext gRPC endpoints), which would otherwise leak into HTTPS.
/// An endpoint that sets <c>Protocols</c> itself keeps it (e.g. to add HTTP/3).
/// Also turns off Kestrel's <c>Server</c> header, which only tells an attacker what to aim at.
/// </summary>
public sealed class HttpsEndpointProtocols : IPostConfigureOptions<KestrelServerOptions>
{
    public void PostConfigure(string? name, KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddServerHeader = false;

        // Set by the web host's defaults from the Kestrel configuration section; absent when a host configures
        // its endpoints in code only, and then there is nothing to adjust.
        var loader = options.ConfigurationLoader;
        if (loader is null)
        {
            return;
        }

        foreach (var endpoint in loader.Configuration.GetSection("Endpoints").GetChildren())
        {
            var isHttps = endpoint["Url"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? false;
            if (isHttps && endpoint["Protocols"] is null)
            {
                loader.Endpoint(endpoint.Key, configured => configured.ListenOptions.Protocols = HttpProtocols.Http1AndHttp2);
            }
        }
    }
}
