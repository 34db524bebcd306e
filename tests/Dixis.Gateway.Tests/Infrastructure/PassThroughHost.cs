using Dixis.Gateway.Descriptors;
using Dixis.Gateway.PassThrough;
using Dixis.Testing;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway's pass-through alone, in front of one method of a shape no contract has yet (server streaming), with
/// the downstream in-process: the same middleware, forwarder, clients and service discovery as the gateway, on an
/// endpoint that carries the method's <see cref="GatewayMethod"/> as the gateway's endpoints do.
/// </summary>
public sealed class PassThroughHost : IAsyncDisposable
{
    private const string Downstream = "catalog";

    private readonly WebApplication app;

    private PassThroughHost(WebApplication app) => this.app = app;

    public HttpMessageHandler CreateHandler() => app.GetTestServer().CreateHandler();

    public Uri BaseAddress => app.GetTestServer().BaseAddress;

    public static async Task<PassThroughHost> StartAsync(MethodDescriptor method, HttpMessageHandler downstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration[$"services:{Downstream}:grpc:0"] = $"http://{Downstream}.test";

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddServiceDiscovery();
        services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        services.AddOptions<ServiceDefaults.Grpc.GrpcClientDefaultsOptions>();
        services.AddOptions<ServiceDefaults.Grpc.GrpcServerDefaultsOptions>();
        services.AddSingleton(new DownstreamService(method.Service.FullName, Downstream));
        PassThroughRegistration.AddPassThroughClient(services, Downstream);
        services.AddGrpcPassThrough();
        services.PostConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = new DownstreamRouter(
                new Dictionary<string, HttpMessageHandler>(),
                new Dictionary<string, HttpMessageHandler> { [$"{Downstream}.test"] = downstream })));

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<GrpcPassThroughMiddleware>();
        app.MapPost(GatewayMethod.PathOf(method), () => Results.StatusCode(StatusCodes.Status500InternalServerError))
            .WithMetadata(new GatewayMethod(method, Downstream));
        await app.StartAsync();
        return new PassThroughHost(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
