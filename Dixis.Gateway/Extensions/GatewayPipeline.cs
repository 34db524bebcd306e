using Dixis.Gateway.Errors;
using Dixis.Gateway.Forwarders;
using Dixis.Gateway.OpenApi;

namespace Dixis.Gateway.Extensions;

/// <summary>The gateway's request pipeline and endpoints.</summary>
public static class GatewayPipeline
{
    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseRouting();
        app.UseCors();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseMiddleware<JsonRequestBodyGuard>();
        // Access rules and rate limits (a later issue) belong here, after routing has resolved the contract
        // method and before the forwarder runs; they read ContractDescriptors.AccessOf(method).

        app.MapForwarders();
        app.MapOpenApiDocument();
        app.MapDefaultEndpoints();

        var unknownRoute = app.Services.GetRequiredService<UnknownRouteHandler>();
        app.MapFallback("{**path}", unknownRoute.HandleAsync).WithDisplayName("Unknown route");
        return app;
    }
}
