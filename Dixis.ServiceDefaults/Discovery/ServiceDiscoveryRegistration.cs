using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dixis.ServiceDefaults.Discovery;

/// <summary>
/// Resolves logical addresses such as <c>http://_grpc.catalog</c> from
/// <c>services__catalog__grpc__0</c>, the convention the AppHost, Aspire and Kubernetes manifests share.
/// </summary>
internal static class ServiceDiscoveryRegistration
{
    public static void AddDefaultServiceDiscovery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddServiceDiscovery();

        // No HTTP-level resilience handler here: gRPC clients are HttpClients too, and a generic
        // retry would repeat non-idempotent calls. gRPC clients retry through their ServiceConfig.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
    }
}
