using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Commerce;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Checkout;

/// <summary>
/// PreviewOrder prices the cart exactly as PlaceOrder then charges it, and holds nothing; lines that would fail checkout
/// or changed are priced out or noted in <c>problem_lines</c> instead of failing the preview.
/// </summary>
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

    [Fact]
    public async Task The_preview_prices_what_can_be_bought_and_lists_the_problem_lines()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var soap = await platform.SeedProductAsync();
        var honey = await platform.SeedProductAsync([new SeedVariant(PriceMinor: 900, Stock: 10)]);
        var wine = await platform.SeedProductAsync([new SeedVariant(PriceMinor: 1800, Stock: 10)]);
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync((oil.Sku, 2), (soap.Sku, 1), (honey.Sku, 4), (wine.Sku, 2));
        await platform.UpdateProductAsync(oil, product => product.Variants[0].Price.AmountMinor = 1390, "variants");
        await platform.Catalog.Products.ArchiveProductAsync(new ArchiveProductRequest { ProductId = soap.Product.Id }, TestCallers.Producer(soap.Producer.Id), cancellationToken: Cancellation);
        await TakeStockAsync(platform, honey.Sku, 8);
        await TakeStockAsync(platform, wine.Sku, 10);

        var preview = await platform.Orders.PreviewOrderAsync(new PreviewOrderRequest { CartId = cartId, ShippingAddress = Shopper.Athens, PaymentMethod = PaymentMethod.CashOnDelivery },
            shopper.Token, cancellationToken: Cancellation);

        // Only the oil can be bought, at its new price: one line, one parcel, the totals of that parcel.
        var line = Assert.Single(preview.Lines);
        Assert.Equal(oil.Sku, line.Sku);
        Assert.Equal(1390, line.UnitPrice.AmountMinor);
        Assert.Equal(oil.Producer.Id, Assert.Single(preview.Parcels).ProducerId);
        Assert.Equal(2780, preview.Totals.ItemsTotal.AmountMinor);
        Assert.Equal(2780 + preview.Totals.ShippingTotal.AmountMinor + preview.Totals.CashOnDeliveryFee.AmountMinor, preview.Totals.GrandTotal.AmountMinor);

        // Every line with something to know, noted as the cart view notes it.
        var problems = preview.ProblemLines.ToDictionary(problem => problem.Sku);
        Assert.Equal(4, problems.Count);
        var priceChanged = Assert.Single(problems[oil.Sku].Notes);
        Assert.Equal(CartLineNoteKind.PriceChanged, priceChanged.Kind);
        Assert.Equal(1250, priceChanged.PreviousUnitPrice.AmountMinor);
        Assert.Equal(1390, problems[oil.Sku].UnitPrice.AmountMinor);
        Assert.Equal([CartLineNoteKind.ProductArchived], problems[soap.Sku].Notes.Select(note => note.Kind));
        var shortNote = Assert.Single(problems[honey.Sku].Notes);
        Assert.Equal(CartLineNoteKind.InsufficientStock, shortNote.Kind);
        Assert.Equal(2, shortNote.AvailableQuantity);
        Assert.Equal([CartLineNoteKind.OutOfStock], problems[wine.Sku].Notes.Select(note => note.Kind));
        Assert.Equal(wine.Producer.Id, problems[wine.Sku].ProducerId);
        var cart = await platform.Carts.GetCartAsync(new GetCartRequest { CartId = cartId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal(cart.Lines.Where(cartLine => cartLine.Notes.Count > 0).Select(cartLine => cartLine.Notes), preview.ProblemLines.Select(problem => problem.Notes));

        // PlaceOrder still fails, naming the line that cannot be sold.
        var error = await RpcAssert.FailsAsync(() => shopper.Place(Shopper.Request(cartId)), StatusCode.FailedPrecondition, "SKU_UNAVAILABLE");
        Assert.Equal($"sku/{soap.Sku}", Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Subject);
    }

    [Fact]
    public async Task Cash_on_delivery_over_its_limit_is_shown_unavailable_in_the_preview_with_the_reason_while_checkout_refuses_it()
    {
        await using var platform = await OrderPlatform.StartAsync(new() { ["Orders:CashOnDelivery:MaxParcelValue"] = "1000" });
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync((oil.Sku, 1));

        var preview = await platform.Orders.PreviewOrderAsync(new PreviewOrderRequest { CartId = cartId, ShippingAddress = Shopper.Athens, PaymentMethod = PaymentMethod.CashOnDelivery },
            shopper.Token, cancellationToken: Cancellation);

        Assert.Single(preview.Parcels);
        Assert.True(preview.Totals.GrandTotal.AmountMinor > 1000);
        var cashOnDelivery = Assert.Single(preview.PaymentMethods, method => method.Method == PaymentMethod.CashOnDelivery);
        Assert.False(cashOnDelivery.Available);
        Assert.Contains("the limit is", cashOnDelivery.UnavailableReason, StringComparison.Ordinal);
        Assert.True(Assert.Single(preview.PaymentMethods, method => method.Method == PaymentMethod.BankTransfer).Available);
        await RpcAssert.FailsAsync(() => shopper.Place(Shopper.Request(cartId)), StatusCode.FailedPrecondition, "CASH_ON_DELIVERY_NOT_ALLOWED");
    }

    [Fact]
    public async Task Without_a_service_level_that_collects_cash_the_preview_shows_every_option_and_cash_on_delivery_unavailable()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var active = (await platform.RateTables.ListRateTablesAsync(new ListRateTablesRequest(), TestCallers.Admin, cancellationToken: Cancellation)).RateTables
            .Single(table => table.State == RateTableState.Active);
        var withoutCash = active.Clone();
        withoutCash.Id = string.Empty;
        withoutCash.Etag = string.Empty;
        withoutCash.State = RateTableState.Unspecified;
        withoutCash.DisplayName = "No cash on delivery";
        foreach (var level in withoutCash.ServiceLevels)
        {
            level.CashOnDeliverySupported = false;
        }

        var created = await platform.RateTables.CreateRateTableAsync(new CreateRateTableRequest { RateTable = withoutCash }, TestCallers.Admin, cancellationToken: Cancellation);
        await platform.RateTables.ActivateRateTableAsync(new ActivateRateTableRequest { RateTableId = created.Id }, TestCallers.Admin, cancellationToken: Cancellation);
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync((oil.Sku, 1));

        var preview = await Eventually.ReadAsync(
            () => platform.Orders.PreviewOrderAsync(new PreviewOrderRequest { CartId = cartId, ShippingAddress = Shopper.Athens, PaymentMethod = PaymentMethod.CashOnDelivery },
                shopper.Token, cancellationToken: Cancellation).ResponseAsync,
            answer => !answer.PaymentMethods.Single(method => method.Method == PaymentMethod.CashOnDelivery).Available);

        Assert.NotEmpty(Assert.Single(preview.Parcels).Options);
        Assert.All(preview.Parcels[0].Options, option => Assert.False(option.CashOnDeliverySupported));
        Assert.Contains("collects cash on delivery", preview.PaymentMethods.Single(method => method.Method == PaymentMethod.CashOnDelivery).UnavailableReason, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(() => shopper.Place(Shopper.Request(cartId)), StatusCode.FailedPrecondition, "CASH_ON_DELIVERY_NOT_ALLOWED");
    }

    [Fact]
    public async Task A_shipping_selection_for_a_producer_whose_lines_all_became_unbuyable_is_ignored_by_the_preview()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var wine = await platform.SeedProductAsync([new SeedVariant(PriceMinor: 1800, Stock: 2)]);
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync((oil.Sku, 1), (wine.Sku, 1));
        var before = await platform.Orders.PreviewOrderAsync(new PreviewOrderRequest { CartId = cartId, ShippingAddress = Shopper.Athens }, shopper.Token, cancellationToken: Cancellation);
        var wineSelection = new ShippingSelection
        {
            ProducerId = wine.Producer.Id,
            ServiceLevelId = before.Parcels.Single(parcel => parcel.ProducerId == wine.Producer.Id).SelectedServiceLevelId,
        };
        await TakeStockAsync(platform, wine.Sku, 2);

        var preview = await platform.Orders.PreviewOrderAsync(
            new PreviewOrderRequest { CartId = cartId, ShippingAddress = Shopper.Athens, ShippingSelections = { wineSelection } }, shopper.Token, cancellationToken: Cancellation);

        Assert.Equal(oil.Producer.Id, Assert.Single(preview.Parcels).ProducerId);
        Assert.Equal([CartLineNoteKind.OutOfStock], Assert.Single(preview.ProblemLines).Notes.Select(note => note.Kind));
    }

    [Fact]
    public async Task A_preview_with_nothing_to_buy_has_no_parcels_and_zero_totals()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var soap = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync((soap.Sku, 1));
        await platform.Catalog.Products.ArchiveProductAsync(new ArchiveProductRequest { ProductId = soap.Product.Id }, TestCallers.Producer(soap.Producer.Id), cancellationToken: Cancellation);

        var preview = await platform.Orders.PreviewOrderAsync(new PreviewOrderRequest { CartId = cartId, ShippingAddress = Shopper.Athens, PaymentMethod = PaymentMethod.BankTransfer },
            shopper.Token, cancellationToken: Cancellation);

        Assert.Empty(preview.Lines);
        Assert.Empty(preview.Parcels);
        Assert.Equal(0, preview.Totals.GrandTotal.AmountMinor);
        Assert.Equal(soap.Sku, Assert.Single(preview.ProblemLines).Sku);
        Assert.Equal(CartLineNoteKind.ProductArchived, Assert.Single(preview.ProblemLines[0].Notes).Kind);
    }

    [Fact]
    public async Task A_preview_of_an_empty_cart_fails_as_checkout_does()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var shopper = new Shopper(platform);
        var cartId = await shopper.CartAsync();

        await RpcAssert.FailsAsync(() => platform.Orders.PreviewOrderAsync(new PreviewOrderRequest { CartId = cartId, ShippingAddress = Shopper.Athens, PaymentMethod = PaymentMethod.CashOnDelivery },
            shopper.Token, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "CART_EMPTY");
    }

    private static async Task TakeStockAsync(CommercePlatform platform, string sku, long units) =>
        await platform.Catalog.Inventory.AdjustStockAsync(
            new AdjustStockRequest { Sku = sku, Delta = -units, Reason = AdjustmentReason.CountCorrection, RequestId = Guid.NewGuid().ToString() },
            TestCallers.Admin, cancellationToken: Cancellation);
}
