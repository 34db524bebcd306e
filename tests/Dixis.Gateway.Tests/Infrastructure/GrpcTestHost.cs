using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>An in-process gRPC server hosting one test service (a singleton, so tests can reach its state).</summary>
public sealed class GrpcTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private GrpcTestHost(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    public HttpMessageHandler CreateHandler() => app.GetTestServer().CreateHandler();

    public static async Task<GrpcTestHost> StartAsync<TService>(Action<IServiceCollection>? configure = null)
        where TService : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<TService>();
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGrpcService<TService>();
        await app.StartAsync();
        return new GrpcTestHost(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
