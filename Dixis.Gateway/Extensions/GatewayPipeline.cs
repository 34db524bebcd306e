using Dixis.Gateway.Access;
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
        app.UseRouting();
        app.UseCors();
        // Routing has resolved the endpoint, and every endpoint of a public contract method, in each of the three
        // protocols, carries its GatewayMethod (descriptor, access rule, owning service); nothing has been forwarded
        // yet. Access rules first (they authenticate the caller), then rate limits (which count per caller).
        app.UseMiddleware<GatewayAccessMiddleware>();
        app.UseGatewayRateLimits();
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
