using Dixis.Gateway.Access;
using Dixis.Gateway.ClientAddress;
using Dixis.Gateway.Errors;
using Dixis.Gateway.Forwarders;
using Dixis.Gateway.OpenApi;
using Dixis.Gateway.PassThrough;
using Dixis.Gateway.RateLimiting;
using Dixis.Gateway.TransportSecurity;

namespace Dixis.Gateway.Extensions;

/// <summary>The gateway's request pipeline and endpoints.</summary>
public static class GatewayPipeline
{
    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseTransportSecurity();
        app.UseTrustedProxies();
        app.UseRouting();
        app.UseCors();
        // Routing has resolved the endpoint, and every endpoint of a public contract method, in each of the three
        // protocols, carries its GatewayMethod (descriptor, access rule, owning service); nothing has been forwarded
        // yet. The caller is authenticated first (a bad token leaves it anonymous here), so rate limits count every
        // call, refused ones included, per IP and per authenticated caller; then the access rule decides.
        app.UseAuthentication();
        app.UseGatewayRateLimits();
        app.UseMiddleware<GatewayAccessMiddleware>();
        app.UseMiddleware<GrpcPassThroughMiddleware>();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseMiddleware<JsonRequestBodyGuard>();

        app.MapForwarders();
        app.MapOpenApiDocument();
        app.MapDefaultEndpoints();

        var unknownRoute = app.Services.GetRequiredService<UnknownRouteHandler>();
        app.MapFallback("{**path}", unknownRoute.HandleAsync).WithDisplayName("Unknown route");
        return app;
    }
}
