using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dixis.Services.Tests.ServiceDefaults;

/// <summary>
/// How clients from <c>AddGrpcServiceClient</c> behave against a broken peer: a real TCP listener that
/// either never answers or drops every connection, so that deadlines and retries are observed on the wire.
/// </summary>
public sealed class GrpcClientResilienceTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_without_deadline_gets_the_default_deadline_instead_of_hanging()
    {
        using var silentPeer = new TcpListener(IPAddress.Loopback, 0);
        silentPeer.Start();
        var accepted = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (!Cancellation.IsCancellationRequested)
            {
                accepted.Add(await silentPeer.AcceptTcpClientAsync(Cancellation));
            }
        }, Cancellation);

        using var host = BuildClientHost(Port(silentPeer), ("Grpc:Client:DefaultDeadline", "00:00:00.500"));
        var client = host.Services.GetRequiredService<CategoryService.CategoryServiceClient>();

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        foreach (var connection in accepted)
        {
            connection.Dispose();
        }
    }

    [Fact]
    public async Task Unavailable_is_retried_for_idempotent_methods_only()
    {
        using var droppingPeer = new TcpListener(IPAddress.Loopback, 0);
        droppingPeer.Start();
        var connections = 0;
        _ = Task.Run(async () =>
        {
            while (!Cancellation.IsCancellationRequested)
            {
                using var connection = await droppingPeer.AcceptTcpClientAsync(Cancellation);
                Interlocked.Increment(ref connections);
                connection.Client.LingerState = new LingerOption(true, 0);
            }
        }, Cancellation);

        using var host = BuildClientHost(
            Port(droppingPeer),
            ("Grpc:Client:MaxAttempts", "4"),
            ("Grpc:Client:InitialBackoff", "00:00:00.010"),
            ("Grpc:Client:MaxBackoff", "00:00:00.020"));
        var client = host.Services.GetRequiredService<CategoryService.CategoryServiceClient>();

        var readError = await Assert.ThrowsAsync<RpcException>(() => client.GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation).ResponseAsync);
        var afterRead = Volatile.Read(ref connections);
        var createError = await Assert.ThrowsAsync<RpcException>(() => client.CreateCategoryAsync(new CreateCategoryRequest(), cancellationToken: Cancellation).ResponseAsync);
        var afterCreate = Volatile.Read(ref connections) - afterRead;

        Assert.Equal(StatusCode.Unavailable, readError.StatusCode);
        Assert.Equal(StatusCode.Unavailable, createError.StatusCode);
        Assert.True(afterRead >= 4, $"The idempotent read should be attempted 4 times, saw {afterRead} connections.");
        Assert.Equal(1, afterCreate);
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static IHost BuildClientHost(int port, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings
            .Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))
            .Append(KeyValuePair.Create("services:catalog:grpc:0", (string?)$"http://127.0.0.1:{port}")));
        builder.AddServiceDefaults();
        builder.AddGrpcServiceClient<CategoryService.CategoryServiceClient>("catalog");
        return builder.Build();
    }
}
