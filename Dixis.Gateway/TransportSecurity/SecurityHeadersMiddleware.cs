using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dixis.Gateway.TransportSecurity;

/// <summary>
/// Puts the browser security headers on every response of the gateway (JSON, gRPC-Web, native gRPC, errors,
/// health), HSTS on HTTPS responses, <c>Cache-Control: no-store</c> on <see cref="TokenBearingRoutes"/>, and drops
/// any <c>Server</c> header relayed from a service. The headers are written when the response starts, not when
/// the request arrives, so that nothing later in the pipeline (a relayed downstream response, an error handler
/// clearing the response) can lose them.
/// </summary>
public sealed class SecurityHeadersMiddleware
{
    private static readonly Func<object, Task> ApplyToResponse = state =>
    {
        var (middleware, context) = ((SecurityHeadersMiddleware, HttpContext))state;
        middleware.Apply(context);
        return Task.CompletedTask;
    };

    private readonly RequestDelegate next;
    private readonly string? strictTransportSecurity;

    public SecurityHeadersMiddleware(RequestDelegate next, IOptions<TransportSecurityOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        this.next = next;
        var hsts = options.Value.Hsts;
        strictTransportSecurity = environment.IsDevelopment() && !hsts.EnableInDevelopment ? null : Format(hsts);
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(ApplyToResponse, (this, context));
        return next(context);
    }

    private void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;

        // An API answers data, never a page: nothing it sends may be sniffed into script, framed, or loaded as a
        // resource by another site (CORP binds no-cors loads only; the frontend's CORS fetches are unaffected).
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        headers["Cross-Origin-Resource-Policy"] = "same-site";

        // A service's own Server header would name the software behind the gateway.
        headers.Remove(HeaderNames.Server);

        if (strictTransportSecurity is not null && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = strictTransportSecurity;
        }

        if (TokenBearingRoutes.Contains(context.Request.Path))
        {
            headers.CacheControl = "no-store";
        }
    }

    private static string Format(StrictTransportSecurityOptions hsts)
    {
        var value = new StringBuilder("max-age=")
            .Append(((long)hsts.MaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        if (hsts.IncludeSubDomains)
        {
            value.Append("; includeSubDomains");
        }

        if (hsts.Preload)
        {
            value.Append("; preload");
        }

        return value.ToString();
    }
}
