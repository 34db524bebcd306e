using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>An in-process gRPC server hosting <see cref="SteppedHealthService"/>.</summary>
public sealed class SteppedHealthHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SteppedHealthHost(WebApplication app) => this.app = app;

    public SteppedHealthService Service => app.Services.GetRequiredService<SteppedHealthService>();

    public HttpMessageHandler CreateHandler() => app.GetTestServer().CreateHandler();

    public static async Task<SteppedHealthHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<SteppedHealthService>();

        var app = builder.Build();
        app.MapGrpcService<SteppedHealthService>();
        await app.StartAsync();
        return new SteppedHealthHost(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
