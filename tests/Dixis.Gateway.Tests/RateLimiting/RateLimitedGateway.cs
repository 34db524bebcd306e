using System.Globalization;
using System.Net;
using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Forwarding;
using Dixis.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Gateway.Tests.RateLimiting;

/// <summary>
/// A gateway of the shared fixture with small rate limits, whose callers name their address
/// (<see cref="ClientAddressStartupFilter"/>), and calls of a catalog read in each protocol.
/// </summary>
internal sealed class RateLimitedGateway : IAsyncDisposable
{
    private readonly GatewayFactory inner;
    private readonly GrpcChannel grpc;
    private readonly GrpcChannel grpcWeb;

    public RateLimitedGateway(GatewayFixture fixture, IReadOnlyDictionary<string, string?> settings)
    {
        inner = fixture.CreateGateway(settings);
        Factory = inner.WithWebHostBuilder(builder =>
        {
            // The service defaults read the connection string while the app is built, before the factory's
            // configuration sources apply; a host setting is there from the start.
            if (settings.TryGetValue("ConnectionStrings:cache", out var redis))
            {
                builder.UseSetting("ConnectionStrings:cache", redis);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressStartupFilter>());
        });
        grpc = GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Factory.Server.CreateHandler() });
        grpcWeb = GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, Factory.Server.CreateHandler()),
        });
        Json = Factory.CreateClient();
    }

    public WebApplicationFactory<GrpcForwarder> Factory { get; }

    public HttpClient Json { get; }

    /// <summary>Small limits for tests: a period of a minute, so that no refill happens while a test runs.</summary>
    public static Dictionary<string, string?> Limits(int perIp, int sensitive = 1, string? redis = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:PerIp:Requests"] = perIp.ToString(CultureInfo.InvariantCulture),
            ["Gateway:RateLimits:PerIp:Period"] = "00:01:00",
            ["Gateway:RateLimits:PerIp:Burst"] = perIp.ToString(CultureInfo.InvariantCulture),
            ["Gateway:RateLimits:Sensitive:Requests"] = sensitive.ToString(CultureInfo.InvariantCulture),
            ["Gateway:RateLimits:Sensitive:Period"] = "00:01:00",
            ["Gateway:RateLimits:Sensitive:Burst"] = sensitive.ToString(CultureInfo.InvariantCulture),
        };
        if (redis is not null)
        {
            settings["ConnectionStrings:cache"] = redis;
        }

        return settings;
    }

    /// <summary>A documentation-range address no other test uses.</summary>
    public static string NewAddress() => $"198.51.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";

    public static Metadata From(string address) => [new(ClientAddressStartupFilter.Header, address)];

    public ProductService.ProductServiceClient GrpcProducts => new(grpc);

    public ProductService.ProductServiceClient GrpcWebProducts => new(grpcWeb);

    public Dixis.Contracts.Auth.V1.AuthService.AuthServiceClient GrpcAuth => new(grpc);

    public async Task<HttpResponseMessage> GetProductJsonAsync(string address, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/products/p-1", UriKind.Relative));
        request.Headers.Add(ClientAddressStartupFilter.Header, address);
        return await Json.SendAsync(request, cancellationToken);
    }

    public async Task<HttpStatusCode> GetProductJsonStatusAsync(string address, CancellationToken cancellationToken)
    {
        using var response = await GetProductJsonAsync(address, cancellationToken);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Json.Dispose();
        grpc.Dispose();
        grpcWeb.Dispose();
        await Factory.DisposeAsync();
        await inner.DisposeAsync();
    }
}
