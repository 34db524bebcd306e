using Dixis.Contracts.Orders.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Checkout;

/// <summary>PreviewOrder prices the cart exactly as PlaceOrder then charges it, and holds nothing.</summary>
public sealed class PreviewOrderTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_preview_shows_the_options_and_the_total_the_order_then_has()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var soap = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync((oil.Sku, 1), (soap.Sku, 2));

        var preview = await platform.Orders.PreviewOrderAsync(new PreviewOrderRequest { CartId = cartId, ShippingAddress = Shopper.Athens, PaymentMethod = PaymentMethod.CashOnDelivery },
            shopper.Token, cancellationToken: Cancellation);

        Assert.Equal(2, preview.Parcels.Count);
        Assert.All(preview.Parcels, parcel =>
        {
            Assert.NotEmpty(parcel.Options);
            Assert.All(parcel.Options, option => Assert.True(option.CashOnDeliverySupported));
            Assert.Equal(parcel.Options.MinBy(option => option.Price.AmountMinor)!.ServiceLevelId, parcel.SelectedServiceLevelId);
        });
        Assert.Equal(3, preview.PaymentMethods.Count);
        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);

        var request = Shopper.Request(cartId);
        request.ExpectedTotal = preview.Totals.GrandTotal;
        var placed = await shopper.Place(request);
        Assert.Equal(preview.Totals.GrandTotal, placed.Order.Totals.GrandTotal);
        Assert.Equal(preview.Totals.VatBreakdown, placed.Order.Totals.VatBreakdown);
    }

    [Fact]
    public async Task A_preview_needs_a_cart_and_a_postal_code()
    {
        await using var platform = await OrderPlatform.StartAsync();

        var error = await RpcAssert.FailsAsync(() => platform.Orders.PreviewOrderAsync(new PreviewOrderRequest(), cancellationToken: Cancellation), StatusCode.InvalidArgument);
        RpcAssert.Violation(error, "cart_id");
        RpcAssert.Violation(error, "shipping_address.postal_code");
    }
}
