using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>An in-process gRPC server hosting <see cref="RecordingProductService"/>.</summary>
public sealed class DownstreamTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private DownstreamTestHost(WebApplication app) => this.app = app;

    public DownstreamRecorder Recorder => app.Services.GetRequiredService<DownstreamRecorder>();

    public HttpMessageHandler CreateHandler() => app.GetTestServer().CreateHandler();

    public static async Task<DownstreamTestHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<DownstreamRecorder>();

        var app = builder.Build();
        app.MapGrpcService<RecordingProductService>();
        await app.StartAsync();
        return new DownstreamTestHost(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
