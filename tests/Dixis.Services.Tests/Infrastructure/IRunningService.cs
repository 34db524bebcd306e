using Grpc.Net.Client;

namespace Dixis.Services.Tests.Infrastructure;

/// <summary>One real Dixis service running in-process on a TestServer.</summary>
public interface IRunningService : IAsyncDisposable
{
    /// <summary>The service name used in discovery and telemetry (<c>catalog</c>, …).</summary>
    string Name { get; }

    /// <summary>The service's dependency injection container.</summary>
    IServiceProvider Services { get; }

    /// <summary>An HTTP/1.1 client for <c>/health</c>, <c>/alive</c> and <c>/metrics</c>.</summary>
    HttpClient CreateHttpClient();

    /// <summary>A handler that sends requests straight to the service, for another in-process host's outgoing calls.</summary>
    HttpMessageHandler CreateHandler();

    /// <summary>A gRPC channel to the service's gRPC services.</summary>
    GrpcChannel CreateGrpcChannel();
}
