using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dixis.Services.Tests.Catalog;

/// <summary>The sweeper releases holds whose time ran out; the service's clock is a fake one the test moves.</summary>
public sealed class ReservationExpiryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_expired_hold_is_released_by_the_sweeper_and_cannot_be_committed()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var settings = CatalogSettings.WithoutDemoProducts();
        await using var catalog = DixisServices.Start("catalog", new ServiceSettings(settings.DataDirectory)
        {
            Values = settings.Values,
            Services = services => services.AddSingleton<TimeProvider>(clock),
        });
        using var channel = catalog.CreateGrpcChannel();
        var api = new CatalogApi(channel);
        await api.WaitForSearchIndexAsync(Cancellation);
        var product = await api.CreateProductAsync(await api.NewProducerAsync(), await api.CategoryAsync("feta"));
        var sku = product.Variants[0].Sku;
        await api.RestockAsync(sku, 3);
        var orderId = CatalogApi.Unique("order");
        await api.Inventory.ReserveStockAsync(
            new ReserveStockRequest { OrderId = orderId, Lines = { new ReservationLine { Sku = sku, Quantity = 2 } }, Ttl = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)) },
            cancellationToken: Cancellation);

        clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(200, Cancellation);
        Assert.Equal(ReservationState.Held, (await api.Inventory.GetReservationAsync(new GetReservationRequest { OrderId = orderId }, cancellationToken: Cancellation)).State);

        clock.Advance(TimeSpan.FromMinutes(2));
        var reservation = await Eventually.ReadAsync(
            () => api.Inventory.GetReservationAsync(new GetReservationRequest { OrderId = orderId }, cancellationToken: Cancellation).ResponseAsync,
            r => r.State == ReservationState.Expired);

        Assert.Equal(ReservationState.Expired, reservation.State);
        Assert.Equal(3, (await api.Inventory.GetStockAsync(new GetStockRequest { Sku = sku }, CatalogCallers.AdminAt(clock.GetUtcNow()), cancellationToken: Cancellation)).Available);
        await RpcAssert.FailsAsync(() => api.Inventory.CommitReservationAsync(new CommitReservationRequest { OrderId = orderId }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "RESERVATION_NOT_HELD");
    }
}
