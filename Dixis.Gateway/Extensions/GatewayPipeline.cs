using Dixis.Gateway.Errors;
using Dixis.Gateway.Forwarders;
using Dixis.Gateway.OpenApi;
using Dixis.Gateway.PassThrough;
using Dixis.Gateway.RateLimiting;

namespace Dixis.Gateway.Extensions;

/// <summary>The gateway's request pipeline and endpoints.</summary>
public static class GatewayPipeline
{
    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseRouting();
        app.UseCors();
        app.UseGatewayRateLimits(); // Rate limits: after the access middleware (authentication) once it lands, before forwarding.
        // Access rules and rate limits (a later issue) belong here: routing has resolved the endpoint, and every
        // endpoint of a public contract method, in each of the three protocols, carries its GatewayMethod
        // (descriptor, access rule, owning service); nothing has been forwarded yet.
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
