using System.Collections.Concurrent;
using Dixis.Contracts.Orders.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>
/// A fake of the Orders service at the edge of these tests (Orders is another service): an in-process gRPC server whose
/// <c>RecordShipmentProgress</c> records each call and answers an empty order. While <see cref="Failing"/> is set it
/// answers UNAVAILABLE, as a down Orders would, so tests can see the outbox retry.
/// </summary>
public sealed class RecordingOrderServiceFake : OrderService.OrderServiceBase, IAsyncDisposable
{
    private WebApplication? app;

    public ConcurrentQueue<RecordShipmentProgressRequest> Calls { get; } = new();

    public volatile bool Failing;

    public int FailedCalls;

    public HttpMessageHandler Handler => app?.GetTestServer().CreateHandler() ?? throw new InvalidOperationException("The fake is not started.");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(this);
        app = builder.Build();
        app.MapGrpcService<RecordingOrderServiceFake>();
        await app.StartAsync();
    }

    public override Task<Order> RecordShipmentProgress(RecordShipmentProgressRequest request, ServerCallContext context)
    {
        if (Failing)
        {
            Interlocked.Increment(ref FailedCalls);
            throw new RpcException(new Status(StatusCode.Unavailable, "orders is down (fake)"));
        }

        Calls.Enqueue(request);
        return Task.FromResult(new Order { Id = request.OrderId });
    }

    /// <summary>The calls about one shipment, in the order they arrived.</summary>
    public IReadOnlyList<RecordShipmentProgressRequest> CallsFor(string shipmentId) => [.. Calls.Where(call => call.ShipmentId == shipmentId)];

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
