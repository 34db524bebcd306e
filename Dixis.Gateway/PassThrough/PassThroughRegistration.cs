using System.Net;

namespace Dixis.Gateway.PassThrough;

/// <summary>Registers the native gRPC pass-through: YARP's direct forwarder and one HTTP/2 client per owning service.</summary>
public static class PassThroughRegistration
{
    /// <summary>The HTTP client factory name of a service's pass-through client.</summary>
    public static string ClientName(string downstream) => $"dixis-passthrough-{downstream}";

    public static IServiceCollection AddGrpcPassThrough(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpForwarder();
        services.AddSingleton<DownstreamInvokers>();
        return services;
    }

    /// <summary>
    /// The pass-through client of one owning service. Service discovery comes with the HTTP client defaults of the
    /// service defaults; the request loggers do not (two async handlers and a log scope per call for messages the
    /// gateway's configuration turns off anyway). Called once per service, by the downstream registration.
    /// </summary>
    public static void AddPassThroughClient(IServiceCollection services, string downstream)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(ClientName(downstream))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // More than 100 concurrent calls to one service (Kestrel's default stream limit) open a second connection instead of queueing.
                EnableMultipleHttp2Connections = true,
                // Detects a dead connection while calls wait on it, as gRPC clients do.
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
                // A proxy between gateway and service, cookies, redirects and decompression have no place in a byte pass-through.
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
    }
}
