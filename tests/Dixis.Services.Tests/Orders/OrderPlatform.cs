using Dixis.Contracts.Catalog.V1;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.Services.Tests.Commerce;
using Dixis.Testing.Tokens;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Orders;

/// <summary>What order tests read besides the order API: the catalog's stock, and the orders service's own store.</summary>
public static class OrderPlatform
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The platform with the orders settings <paramref name="orders"/> (e.g. short expiries) and optional replaced services.</summary>
    public static Task<CommercePlatform> StartAsync(Dictionary<string, string?>? orders = null, Action<IServiceCollection>? services = null) =>
        CommercePlatform.StartAsync(new CommerceSettings
        {
            Orders = new CommerceServiceSettings { Values = orders ?? [], Services = services },
        });

    public static async Task<StockLevel> StockAsync(this CommercePlatform platform, string sku) =>
        await platform.Catalog.Inventory.GetStockAsync(new GetStockRequest { Sku = sku }, TestCallers.Admin, cancellationToken: Cancellation);

    /// <summary>The catalog's reservation of <paramref name="orderId"/> once it reached <paramref name="state"/> (effects arrive through the outbox).</summary>
    public static Task<Reservation> ReservationAsync(this CommercePlatform platform, string orderId, ReservationState state) =>
        Infrastructure.Eventually.ReadAsync(
            () => platform.Catalog.Inventory.GetReservationAsync(new GetReservationRequest { OrderId = orderId }, cancellationToken: Cancellation).ResponseAsync,
            reservation => reservation.State == state);

    /// <summary>An admin confirms that the whole bank transfer of <paramref name="order"/> arrived: the order is paid.</summary>
    public static async Task ConfirmBankTransferAsync(this CommercePlatform platform, Contracts.Orders.V1.Order order) =>
        await platform.Payments.ConfirmBankTransferAsync(new Contracts.Orders.V1.ConfirmBankTransferRequest
        {
            PaymentId = order.PaymentId,
            ReceivedAmount = order.Totals.GrandTotal,
            RequestId = Guid.NewGuid().ToString(),
        }, TestCallers.Admin, cancellationToken: Cancellation);

    public static OrderRepository OrderStore(this CommercePlatform platform) =>
        platform.OrdersService.Services.GetRequiredService<OrderRepository>();

    public static T OrdersComponent<T>(this CommercePlatform platform)
        where T : notnull =>
        platform.OrdersService.Services.GetRequiredService<T>();

    public static async Task<OrderDocument> StoredAsync(this CommercePlatform platform, string orderId) =>
        (await platform.OrderStore().GetAsync(orderId, Cancellation))!.Value;

    /// <summary>A multi-step call (cart, then checkout) fails with <paramref name="code"/> and <paramref name="reason"/>.</summary>
    public static async Task<RpcException> FailsAsync(Func<Task> call, StatusCode code, string reason)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == code, $"Expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        Assert.Equal(reason, error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        return error;
    }
}
