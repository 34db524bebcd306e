using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.ServiceDefaults.Security;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Health;

/// <summary>Contract methods of services whose issue has not landed yet (orders, shipping) answer UNIMPLEMENTED, not a crash or a fake answer.</summary>
public sealed class UnimplementedMethodTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Metadata Admin => [new("authorization", $"Bearer {TestTokenIssuer.Shared.ForUser("admin-1", [CallerRoles.Admin])}")];

    [Fact]
    public async Task Orders_checks_the_access_rule_before_reading_an_order()
    {
        await using var orders = DixisServices.Start("orders");
        using var channel = orders.CreateGrpcChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => new OrderService.OrderServiceClient(channel)
            .GetOrderAsync(new GetOrderRequest { OrderId = "o1" }, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Orders_order_read_is_implemented_and_an_unknown_order_is_not_found()
    {
        await using var orders = DixisServices.Start("orders");
        using var channel = orders.CreateGrpcChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => new OrderService.OrderServiceClient(channel)
            .GetOrderAsync(new GetOrderRequest { OrderId = "o1" }, Admin, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Shipping_checks_the_access_rule_of_a_shipment_read()
    {
        await using var shipping = DixisServices.Start("shipping");
        using var channel = shipping.CreateGrpcChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => new ShipmentService.ShipmentServiceClient(channel)
            .GetShipmentAsync(new GetShipmentRequest { ShipmentId = "s1" }, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
