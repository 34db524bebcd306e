using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Vat;
using Dixis.Services.Tests.Commerce;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Checkout;

/// <summary>PlaceOrder as a customer sees it: priced by the server, one parcel per producer, VAT, shipping, fees, and every bad input refused with nothing created.</summary>
public sealed class PlaceOrderTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cash_on_delivery_of_three_lines_from_two_producers_is_confirmed_with_two_parcels_vat_shipping_and_fees()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync([new SeedVariant(1250, 20), new SeedVariant(899, 20)]);
        var soap = await platform.SeedProductAsync([new SeedVariant(1500, 20)], customize: product => product.TaxClass = TaxClass.Standard);
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync((oil.Skus[0], 2), (oil.Skus[1], 1), (soap.Sku, 1));

        var placed = await shopper.Place(Shopper.Request(cartId));

        var order = placed.Order;
        Assert.Equal(OrderState.Confirmed, order.State);
        Assert.Equal(PaymentMethod.CashOnDelivery, order.PaymentMethod);
        Assert.Matches("^DX-[0-9A-Z]{4}-[0-9A-Z]{4}$", order.OrderNumber);
        Assert.Equal(2, order.Parcels.Count);
        var oilParcel = Assert.Single(order.Parcels, parcel => parcel.ProducerId == oil.Producer.Id);
        var soapParcel = Assert.Single(order.Parcels, parcel => parcel.ProducerId == soap.Producer.Id);
        Assert.Equal(2, oilParcel.LineIds.Count);
        Assert.Single(soapParcel.LineIds);
        Assert.All(order.Parcels, parcel => Assert.True(parcel.Shipping.Price.AmountMinor > 0 && parcel.Shipping.CashOnDeliverySupported));
        Assert.Equal([2500L, 899L, 1500L], order.Lines.Select(line => line.LineTotal.AmountMinor));
        Assert.Equal([1300, 1300, 2400], order.Lines.Select(line => line.VatRateBasisPoints));

        var totals = order.Totals;
        var shipping = order.Parcels.Sum(parcel => parcel.Shipping.Price.AmountMinor);
        Assert.Equal(4899, totals.ItemsTotal.AmountMinor);
        Assert.Equal(shipping, totals.ShippingTotal.AmountMinor);
        Assert.Equal(400, totals.CashOnDeliveryFee.AmountMinor);
        Assert.Equal(4899 + shipping + 400, totals.GrandTotal.AmountMinor);

        var reducedVat = VatRates.Contained(2500, 1300) + VatRates.Contained(899, 1300);
        var standardVat = VatRates.Contained(1500, 2400) + order.Parcels.Sum(parcel => VatRates.Contained(parcel.Shipping.Price.AmountMinor, 2400)) + 2 * VatRates.Contained(200, 2400);
        Assert.Equal([2400, 1300], totals.VatBreakdown.Select(rate => rate.RateBasisPoints));
        Assert.Equal(1500 + shipping + 400, totals.VatBreakdown[0].GrossAmount.AmountMinor);
        Assert.Equal(standardVat, totals.VatBreakdown[0].VatAmount_.AmountMinor);
        Assert.Equal(3399, totals.VatBreakdown[1].GrossAmount.AmountMinor);
        Assert.Equal(reducedVat, totals.VatBreakdown[1].VatAmount_.AmountMinor);
        Assert.Equal(reducedVat + standardVat, totals.VatTotal.AmountMinor);

        Assert.Equal(totals.GrandTotal, placed.PaymentInstructions.CashOnDelivery.AmountDue);
        Assert.Equal(400, placed.PaymentInstructions.CashOnDelivery.Fee.AmountMinor);
        Assert.Equal(order, await shopper.GetAsync(order.Id));

        // The stock is held and then committed through the outbox; the cart no longer holds the ordered lines.
        var stock = await Eventually.ReadAsync(() => platform.StockAsync(oil.Skus[0]), level => level.OnHand == 18);
        Assert.Equal((18L, 0L, 18L), (stock.OnHand, stock.Reserved, stock.Available));
        var cart = await platform.Carts.GetCartAsync(new GetCartRequest { CartId = cartId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Empty(cart.Lines);
    }

    [Fact]
    public async Task Bank_transfer_waits_for_payment_with_the_order_number_as_reference()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);

        var placed = await shopper.OrderAsync(PaymentMethod.BankTransfer, (oil.Sku, 1));

        Assert.Equal(OrderState.PendingPayment, placed.Order.State);
        Assert.Equal(0, placed.Order.Totals.CashOnDeliveryFee.AmountMinor);
        var instructions = placed.PaymentInstructions.BankTransfer;
        Assert.Equal(placed.Order.OrderNumber, instructions.Reference);
        Assert.Equal(placed.Order.Totals.GrandTotal, instructions.Amount);
        Assert.NotEmpty(instructions.Iban);
        Assert.True(instructions.DueTime.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(2));
        Assert.Equal(instructions.DueTime, placed.Order.ExpireTime);
        var stock = await platform.StockAsync(oil.Sku);
        Assert.Equal((100L, 1L, 99L), (stock.OnHand, stock.Reserved, stock.Available));
    }

    [Fact]
    public async Task A_chosen_service_level_is_used_for_its_parcel()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request(await shopper.CartAsync((oil.Sku, 1)), PaymentMethod.BankTransfer);
        request.ShippingSelections.Add(new ShippingSelection { ProducerId = oil.Producer.Id, ServiceLevelId = "acs-express" });

        var placed = await shopper.Place(request);

        Assert.Equal("acs-express", Assert.Single(placed.Order.Parcels).Shipping.ServiceLevelId);
    }

    [Fact]
    public async Task An_unknown_service_level_is_refused_and_nothing_is_held()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request(await shopper.CartAsync((oil.Sku, 1)));
        request.ShippingSelections.Add(new ShippingSelection { ProducerId = oil.Producer.Id, ServiceLevelId = "teleport" });

        await RpcAssert.InvalidFieldAsync(() => shopper.Place(request), "shipping_selections[0].service_level_id", "SHIPPING_OPTION_UNAVAILABLE");

        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);
    }

    [Fact]
    public async Task Card_without_stripe_is_unavailable_before_anything_is_created()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);

        var error = await OrderPlatform.FailsAsync(() => shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 1)), StatusCode.FailedPrecondition, "PAYMENT_METHOD_UNAVAILABLE");

        Assert.Contains("not available", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);
        Assert.Empty((await platform.Orders.ListOrdersAsync(new ListOrdersRequest(), shopper.Token, cancellationToken: Cancellation)).Orders);
        var methods = await platform.Payments.ListPaymentMethodsAsync(new ListPaymentMethodsRequest(), cancellationToken: Cancellation);
        var card = Assert.Single(methods.PaymentMethods, method => method.Method == PaymentMethod.Card);
        Assert.False(card.Available);
        Assert.NotEmpty(card.UnavailableReason);
        Assert.True(Assert.Single(methods.PaymentMethods, method => method.Method == PaymentMethod.CashOnDelivery).Available);
    }

    [Fact]
    public async Task An_empty_cart_cannot_be_ordered()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync();

        await RpcAssert.FailsAsync(() => shopper.Place(Shopper.Request(cartId)), StatusCode.FailedPrecondition, "CART_EMPTY");
    }

    [Fact]
    public async Task Another_customers_cart_is_not_found()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var owner = new Shopper(platform);
        var cartId = await owner.CartAsync((oil.Sku, 1));

        await RpcAssert.FailsAsync(() => new Shopper(platform).Place(Shopper.Request(cartId)), StatusCode.NotFound, "CART_NOT_FOUND");
    }

    [Fact]
    public async Task An_archived_sku_in_the_cart_fails_with_the_sku_named()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var soap = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync((oil.Sku, 1), (soap.Sku, 1));
        await platform.Catalog.Products.ArchiveProductAsync(new ArchiveProductRequest { ProductId = soap.Product.Id }, TestCallers.Producer(soap.Producer.Id), cancellationToken: Cancellation);

        var error = await RpcAssert.FailsAsync(() => shopper.Place(Shopper.Request(cartId)), StatusCode.FailedPrecondition, "SKU_UNAVAILABLE");

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal($"sku/{soap.Sku}", violation.Subject);
        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);
    }

    [Fact]
    public async Task Not_enough_stock_fails_with_the_short_sku_and_holds_nothing()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync([new SeedVariant(1250, 5)]);
        var soap = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync((oil.Sku, 2), (soap.Sku, 1));
        await platform.Catalog.Inventory.AdjustStockAsync(
            new AdjustStockRequest { Sku = oil.Sku, Delta = -4, Reason = AdjustmentReason.CountCorrection, RequestId = Guid.NewGuid().ToString() },
            TestCallers.Admin, cancellationToken: Cancellation);

        var request = Shopper.Request(cartId);
        var error = await RpcAssert.FailsAsync(() => shopper.Place(request), StatusCode.FailedPrecondition, "OUT_OF_STOCK");

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal($"sku/{oil.Sku}", violation.Subject);
        Assert.Equal(1, (await platform.StockAsync(oil.Sku)).Available);
        Assert.Equal(100, (await platform.StockAsync(soap.Sku)).Available);
        Assert.Empty((await platform.Orders.ListOrdersAsync(new ListOrdersRequest(), TestCallers.Admin, cancellationToken: Cancellation)).Orders);

        // The key is free again: once the cart fits the stock, the same request_id places the order.
        await platform.Carts.UpdateCartLineAsync(new UpdateCartLineRequest { CartId = cartId, Sku = oil.Sku, Quantity = 1 }, shopper.Token, cancellationToken: Cancellation);
        var request2 = request.Clone();
        var placed = await shopper.Place(request2);
        Assert.Equal(OrderState.Confirmed, placed.Order.State);
    }

    [Fact]
    public async Task Cash_on_delivery_over_the_parcel_limit_is_refused()
    {
        await using var platform = await OrderPlatform.StartAsync(new() { ["Orders:CashOnDelivery:MaxParcelValue"] = "1000" });
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);

        var error = await OrderPlatform.FailsAsync(() => shopper.OrderAsync(PaymentMethod.CashOnDelivery, (oil.Sku, 1)), StatusCode.FailedPrecondition, "CASH_ON_DELIVERY_NOT_ALLOWED");

        Assert.Equal($"parcels/{oil.Producer.Id}", Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Subject);
        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);
    }

    [Fact]
    public async Task A_changed_total_fails_and_creates_nothing()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request(await shopper.CartAsync((oil.Sku, 1)));
        request.ExpectedTotal = new Money { CurrencyCode = "EUR", AmountMinor = 100 };

        await RpcAssert.FailsAsync(() => shopper.Place(request), StatusCode.FailedPrecondition, "TOTAL_CHANGED");

        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);
    }

    [Fact]
    public async Task A_bad_address_names_each_bad_field()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request("any-cart");
        request.ShippingAddress.PostalCode = string.Empty;
        request.ShippingAddress.RecipientName = " ";
        request.ShippingAddress.AddressLines.Clear();

        var error = await RpcAssert.FailsAsync(() => shopper.Place(request), StatusCode.InvalidArgument);

        RpcAssert.Violation(error, "shipping_address.postal_code");
        RpcAssert.Violation(error, "shipping_address.recipient_name");
        RpcAssert.Violation(error, "shipping_address.address_lines");
    }

    [Fact]
    public async Task A_postal_code_the_rate_table_does_not_know_is_refused()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request(await shopper.CartAsync((oil.Sku, 1)));
        request.ShippingAddress.PostalCode = "ABC";

        await RpcAssert.InvalidFieldAsync(() => shopper.Place(request), "shipping_address.postal_code");
        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);
    }

    [Theory]
    [InlineData("request_id")]
    [InlineData("payment_method")]
    [InlineData("address_id")]
    [InlineData("customer_note")]
    [InlineData("cart_id")]
    public async Task Bad_fields_are_named(string field)
    {
        await using var platform = await OrderPlatform.StartAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request("cart-1");
        switch (field)
        {
            case "request_id": request.RequestId = "not-a-uuid"; break;
            case "payment_method": request.PaymentMethod = PaymentMethod.Unspecified; break;
            case "address_id": request.AddressId = string.Empty; break;
            case "customer_note": request.CustomerNote = new string('x', 1001); break;
            default: request.CartId = string.Empty; break;
        }

        await RpcAssert.InvalidFieldAsync(() => shopper.Place(request), field);
    }

    [Fact]
    public async Task Placing_an_order_needs_a_signed_in_customer()
    {
        await using var platform = await OrderPlatform.StartAsync();

        await RpcAssert.FailsAsync(() => platform.Orders.PlaceOrderAsync(Shopper.Request("cart-1"), TestCallers.Anonymous, cancellationToken: Cancellation), StatusCode.Unauthenticated);
    }
}
