using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary><c>InventoryService</c> on the real catalog: stock, audited adjustments, reservations all-or-nothing.</summary>
public sealed class InventoryServiceTests(CatalogServiceFixture fixture) : IClassFixture<CatalogServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private CatalogApi Api => fixture.Api;

    [Fact]
    public async Task Two_hundred_parallel_reservations_of_one_unit_against_fifty_sell_exactly_fifty()
    {
        var outcome = await OversellScenario.RunAsync(Api, Cancellation);

        outcome.AssertExactlyTheStockWasSold();
    }

    [Fact]
    public async Task A_reservation_is_all_or_nothing_and_lists_every_short_sku()
    {
        var plenty = await NewSkuAsync(stock: 10);
        var scarce = await NewSkuAsync(stock: 1);
        var none = await NewSkuAsync(stock: 0);

        var error = await RpcAssert.FailsAsync(
            () => Api.Inventory.ReserveStockAsync(new ReserveStockRequest
            {
                OrderId = CatalogApi.Unique("order"),
                Lines = { Line(plenty, 3), Line(scarce, 2), Line(none, 1) },
            }, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "INSUFFICIENT_STOCK");

        var subjects = error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Select(v => v.Subject);
        Assert.Equal([$"sku/{scarce}", $"sku/{none}"], subjects);
        Assert.Equal(10, (await StockAsync(plenty)).Available);
        Assert.Equal(1, (await StockAsync(scarce)).Available);
    }

    [Fact]
    public async Task Reserving_again_for_the_same_order_returns_the_reservation_and_holds_nothing_more()
    {
        var sku = await NewSkuAsync(stock: 5);
        var request = new ReserveStockRequest { OrderId = CatalogApi.Unique("order"), Lines = { Line(sku, 2) }, Ttl = Duration.FromTimeSpan(TimeSpan.FromMinutes(10)) };

        var first = await Api.Inventory.ReserveStockAsync(request, cancellationToken: Cancellation);
        var second = await Api.Inventory.ReserveStockAsync(request, cancellationToken: Cancellation);

        Assert.Equal(first, second);
        Assert.Equal(ReservationState.Held, first.State);
        Assert.InRange((first.ExpireTime.ToDateTimeOffset() - first.CreateTime.ToDateTimeOffset()).TotalMinutes, 9.9, 10.1);
        Assert.Equal(3, (await StockAsync(sku)).Available);

        var otherLines = new ReserveStockRequest { OrderId = request.OrderId, Lines = { Line(sku, 1) } };
        await RpcAssert.FailsAsync(() => Api.Inventory.ReserveStockAsync(otherLines, cancellationToken: Cancellation), StatusCode.AlreadyExists, "RESERVATION_MISMATCH");
        Assert.Equal(3, (await StockAsync(sku)).Available);
    }

    [Fact]
    public async Task Commit_takes_the_units_off_hand_once_and_records_the_sale()
    {
        var sku = await NewSkuAsync(stock: 8);
        var orderId = CatalogApi.Unique("order");
        await Api.Inventory.ReserveStockAsync(new ReserveStockRequest { OrderId = orderId, Lines = { Line(sku, 3) } }, cancellationToken: Cancellation);

        var committed = await Api.Inventory.CommitReservationAsync(new CommitReservationRequest { OrderId = orderId }, cancellationToken: Cancellation);
        var again = await Api.Inventory.CommitReservationAsync(new CommitReservationRequest { OrderId = orderId }, cancellationToken: Cancellation);

        Assert.Equal(ReservationState.Committed, committed.State);
        Assert.Equal(committed, again);
        var level = await StockAsync(sku);
        Assert.Equal((5, 0, 5), (level.OnHand, level.Reserved, level.Available));
        var history = await Api.Inventory.ListStockAdjustmentsAsync(new ListStockAdjustmentsRequest { Sku = sku }, CatalogCallers.Admin, cancellationToken: Cancellation);
        var sale = history.Adjustments[0];
        Assert.Equal((AdjustmentReason.Sale, -3L, 5L, "system"), (sale.Reason, sale.Delta, sale.OnHandAfter, sale.ActorId));

        // Releasing a committed reservation changes nothing (a cancelled paid order returns it with ReturnReservation).
        Assert.Equal(committed, await Api.Inventory.ReleaseReservationAsync(new ReleaseReservationRequest { OrderId = orderId, Reason = "cancelled" }, cancellationToken: Cancellation));
        Assert.Equal(5, (await StockAsync(sku)).Available);
    }

    [Fact]
    public async Task Release_makes_the_units_available_again_and_a_released_hold_cannot_be_committed()
    {
        var sku = await NewSkuAsync(stock: 4);
        var orderId = CatalogApi.Unique("order");
        await Api.Inventory.ReserveStockAsync(new ReserveStockRequest { OrderId = orderId, Lines = { Line(sku, 4) } }, cancellationToken: Cancellation);
        Assert.Equal(0, (await StockAsync(sku)).Available);

        var released = await Api.Inventory.ReleaseReservationAsync(new ReleaseReservationRequest { OrderId = orderId, Reason = "payment_failed" }, cancellationToken: Cancellation);
        var again = await Api.Inventory.ReleaseReservationAsync(new ReleaseReservationRequest { OrderId = orderId }, cancellationToken: Cancellation);

        Assert.Equal(ReservationState.Released, released.State);
        Assert.Equal(released, again);
        Assert.Equal(4, (await StockAsync(sku)).Available);
        await RpcAssert.FailsAsync(() => Api.Inventory.CommitReservationAsync(new CommitReservationRequest { OrderId = orderId }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "RESERVATION_NOT_HELD");
        Assert.Equal(released, await Api.Inventory.GetReservationAsync(new GetReservationRequest { OrderId = orderId }, cancellationToken: Cancellation));
    }

    [Fact]
    public async Task Returning_a_committed_reservation_puts_the_units_back_on_hand_and_records_the_return()
    {
        var sku = await NewSkuAsync(stock: 8);
        var other = await NewSkuAsync(stock: 2);
        var orderId = await CommittedOrderAsync(Line(sku, 3), Line(other, 2));
        Assert.Equal((5L, 5L), ((await StockAsync(sku)).OnHand, (await StockAsync(sku)).Available));

        var returned = await Api.Inventory.ReturnReservationAsync(new ReturnReservationRequest { OrderId = orderId, Reason = "cancelled" }, cancellationToken: Cancellation);
        var again = await Api.Inventory.ReturnReservationAsync(new ReturnReservationRequest { OrderId = orderId, Reason = "cancelled" }, cancellationToken: Cancellation);

        Assert.Equal(ReservationState.Returned, returned.State);
        Assert.Equal(returned, again);
        Assert.Equal(returned, await Api.Inventory.GetReservationAsync(new GetReservationRequest { OrderId = orderId }, cancellationToken: Cancellation));
        var level = await StockAsync(sku);
        Assert.Equal((8, 0, 8), (level.OnHand, level.Reserved, level.Available));
        Assert.Equal(2, (await StockAsync(other)).Available);
        foreach (var (adjusted, units, onHand) in new[] { (sku, 3L, 8L), (other, 2L, 2L) })
        {
            var history = await Api.Inventory.ListStockAdjustmentsAsync(new ListStockAdjustmentsRequest { Sku = adjusted }, CatalogCallers.Admin, cancellationToken: Cancellation);
            var returns = history.Adjustments.Where(adjustment => adjustment.Reason == AdjustmentReason.Return).ToList();
            var recorded = Assert.Single(returns);
            Assert.Equal((units, onHand, "system"), (recorded.Delta, recorded.OnHandAfter, recorded.ActorId));
            Assert.Contains(orderId, recorded.Note, StringComparison.Ordinal);
            Assert.Equal(AdjustmentReason.Return, history.Adjustments[0].Reason);
        }
    }

    [Fact]
    public async Task Twenty_parallel_returns_put_the_units_back_once()
    {
        var sku = await NewSkuAsync(stock: 10);
        var orderId = await CommittedOrderAsync(Line(sku, 4));

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Api.Inventory.ReturnReservationAsync(new ReturnReservationRequest { OrderId = orderId }, cancellationToken: Cancellation).ResponseAsync));

        Assert.All(answers, answer => Assert.Equal(ReservationState.Returned, answer.State));
        var level = await StockAsync(sku);
        Assert.Equal((10, 0, 10), (level.OnHand, level.Reserved, level.Available));
        var history = await Api.Inventory.ListStockAdjustmentsAsync(new ListStockAdjustmentsRequest { Sku = sku }, CatalogCallers.Admin, cancellationToken: Cancellation);
        Assert.Single(history.Adjustments, adjustment => adjustment.Reason == AdjustmentReason.Return);
    }

    [Fact]
    public async Task Returning_a_held_reservation_releases_it_and_the_late_commit_takes_no_stock()
    {
        var sku = await NewSkuAsync(stock: 6);
        var orderId = CatalogApi.Unique("order");
        await Api.Inventory.ReserveStockAsync(new ReserveStockRequest { OrderId = orderId, Lines = { Line(sku, 6) } }, cancellationToken: Cancellation);

        // The return overtook the commit (still in the orders outbox): the hold is released, not returned.
        var returned = await Api.Inventory.ReturnReservationAsync(new ReturnReservationRequest { OrderId = orderId, Reason = "cancelled" }, cancellationToken: Cancellation);

        Assert.Equal(ReservationState.Released, returned.State);
        var level = await StockAsync(sku);
        Assert.Equal((6, 0, 6), (level.OnHand, level.Reserved, level.Available));
        await RpcAssert.FailsAsync(() => Api.Inventory.CommitReservationAsync(new CommitReservationRequest { OrderId = orderId }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "RESERVATION_NOT_HELD");
        Assert.Equal(returned, await Api.Inventory.ReturnReservationAsync(new ReturnReservationRequest { OrderId = orderId }, cancellationToken: Cancellation));
        Assert.Equal(returned, await Api.Inventory.ReleaseReservationAsync(new ReleaseReservationRequest { OrderId = orderId }, cancellationToken: Cancellation));
        level = await StockAsync(sku);
        Assert.Equal((6, 0, 6), (level.OnHand, level.Reserved, level.Available));
        var history = await Api.Inventory.ListStockAdjustmentsAsync(new ListStockAdjustmentsRequest { Sku = sku }, CatalogCallers.Admin, cancellationToken: Cancellation);
        Assert.DoesNotContain(history.Adjustments, adjustment => adjustment.Reason is AdjustmentReason.Return or AdjustmentReason.Sale);
    }

    [Fact]
    public async Task A_returned_reservation_cannot_be_committed_or_released_again()
    {
        var sku = await NewSkuAsync(stock: 5);
        var orderId = await CommittedOrderAsync(Line(sku, 2));
        var returned = await Api.Inventory.ReturnReservationAsync(new ReturnReservationRequest { OrderId = orderId }, cancellationToken: Cancellation);

        await RpcAssert.FailsAsync(() => Api.Inventory.CommitReservationAsync(new CommitReservationRequest { OrderId = orderId }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "RESERVATION_NOT_HELD");
        Assert.Equal(returned, await Api.Inventory.ReleaseReservationAsync(new ReleaseReservationRequest { OrderId = orderId }, cancellationToken: Cancellation));

        var level = await StockAsync(sku);
        Assert.Equal((5, 0, 5), (level.OnHand, level.Reserved, level.Available));
    }

    [Fact]
    public async Task Returns_of_unknown_orders_are_not_found_and_bad_requests_name_the_field()
    {
        await RpcAssert.FailsAsync(() => Api.Inventory.ReturnReservationAsync(new ReturnReservationRequest { OrderId = CatalogApi.Unique("order") }, cancellationToken: Cancellation),
            StatusCode.NotFound, "RESERVATION_NOT_FOUND");
        await RpcAssert.InvalidFieldAsync(() => Api.Inventory.ReturnReservationAsync(new ReturnReservationRequest(), cancellationToken: Cancellation), "order_id");
        await RpcAssert.InvalidFieldAsync(
            () => Api.Inventory.ReturnReservationAsync(new ReturnReservationRequest { OrderId = CatalogApi.Unique("order"), Reason = new string('x', 201) }, cancellationToken: Cancellation),
            "reason");
    }

    [Fact]
    public async Task Unknown_reservations_and_skus_are_not_found()
    {
        var orderId = CatalogApi.Unique("order");
        await RpcAssert.FailsAsync(() => Api.Inventory.CommitReservationAsync(new CommitReservationRequest { OrderId = orderId }, cancellationToken: Cancellation), StatusCode.NotFound, "RESERVATION_NOT_FOUND");
        await RpcAssert.FailsAsync(() => Api.Inventory.ReleaseReservationAsync(new ReleaseReservationRequest { OrderId = orderId }, cancellationToken: Cancellation), StatusCode.NotFound, "RESERVATION_NOT_FOUND");
        await RpcAssert.FailsAsync(() => Api.Inventory.GetReservationAsync(new GetReservationRequest { OrderId = orderId }, cancellationToken: Cancellation), StatusCode.NotFound, "RESERVATION_NOT_FOUND");
        await RpcAssert.FailsAsync(
            () => Api.Inventory.ReserveStockAsync(new ReserveStockRequest { OrderId = orderId, Lines = { Line("NO-SUCH-SKU", 1) } }, cancellationToken: Cancellation),
            StatusCode.NotFound, "SKU_NOT_FOUND");
    }

    [Theory]
    [InlineData(0, "lines[0].quantity")]
    [InlineData(-1, "lines[0].quantity")]
    [InlineData(1000, "lines[0].quantity")]
    public async Task Out_of_range_quantities_are_refused(long quantity, string field)
    {
        var sku = await NewSkuAsync(stock: 2_000);
        await RpcAssert.InvalidFieldAsync(
            () => Api.Inventory.ReserveStockAsync(new ReserveStockRequest { OrderId = CatalogApi.Unique("order"), Lines = { Line(sku, quantity) } }, cancellationToken: Cancellation),
            field);
        Assert.Equal(2_000, (await StockAsync(sku)).Available);
    }

    [Fact]
    public async Task Malformed_reservations_name_every_bad_field()
    {
        var sku = await NewSkuAsync(stock: 5);
        var error = await RpcAssert.FailsAsync(
            () => Api.Inventory.ReserveStockAsync(new ReserveStockRequest { Lines = { Line(sku, 1), Line(sku, 1) }, Ttl = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) }, cancellationToken: Cancellation),
            StatusCode.InvalidArgument);

        RpcAssert.Violation(error, "order_id");
        RpcAssert.Violation(error, "lines[1].sku");
        RpcAssert.Violation(error, "ttl");
        await RpcAssert.InvalidFieldAsync(() => Api.Inventory.ReserveStockAsync(new ReserveStockRequest { OrderId = "o-1" }, cancellationToken: Cancellation), "lines");
    }

    [Fact]
    public async Task Adjustments_are_audited_applied_once_per_request_id_and_never_below_reserved()
    {
        var producer = await Api.NewProducerAsync();
        var sku = await NewSkuAsync(stock: 0, producer);
        var asProducer = CatalogCallers.Producer(producer.Id);
        var restock = new AdjustStockRequest { Sku = sku, Delta = 10, Reason = AdjustmentReason.Restock, Note = "Νέα παρτίδα", RequestId = Guid.NewGuid().ToString() };

        var first = await Api.Inventory.AdjustStockAsync(restock, asProducer, cancellationToken: Cancellation);
        var retried = await Api.Inventory.AdjustStockAsync(restock, asProducer, cancellationToken: Cancellation);

        Assert.Equal(first, retried);
        Assert.Equal(10, first.StockLevel.OnHand);
        Assert.Equal(10, first.Adjustment.OnHandAfter);
        Assert.Equal($"user-of-{producer.Id}", first.Adjustment.ActorId);
        await RpcAssert.FailsAsync(() => Api.Inventory.AdjustStockAsync(new AdjustStockRequest(restock) { Delta = 11 }, asProducer, cancellationToken: Cancellation), StatusCode.AlreadyExists, "REQUEST_ID_REUSED");

        await Api.Inventory.ReserveStockAsync(new ReserveStockRequest { OrderId = CatalogApi.Unique("order"), Lines = { Line(sku, 7) } }, cancellationToken: Cancellation);
        await RpcAssert.FailsAsync(
            () => Api.Inventory.AdjustStockAsync(new AdjustStockRequest { Sku = sku, Delta = -4, Reason = AdjustmentReason.Damage, RequestId = Guid.NewGuid().ToString() }, asProducer, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "STOCK_BELOW_RESERVED");
        var damaged = await Api.Inventory.AdjustStockAsync(new AdjustStockRequest { Sku = sku, Delta = -3, Reason = AdjustmentReason.Damage, RequestId = Guid.NewGuid().ToString() }, asProducer, cancellationToken: Cancellation);
        Assert.Equal((7L, 7L, 0L), (damaged.StockLevel.OnHand, damaged.StockLevel.Reserved, damaged.StockLevel.Available));

        var history = await Api.Inventory.ListStockAdjustmentsAsync(new ListStockAdjustmentsRequest { Sku = sku, PageSize = 1 }, asProducer, cancellationToken: Cancellation);
        Assert.Equal(AdjustmentReason.Damage, Assert.Single(history.Adjustments).Reason);
        var rest = await Api.Inventory.ListStockAdjustmentsAsync(new ListStockAdjustmentsRequest { Sku = sku, PageToken = history.NextPageToken, PageSize = 10 }, asProducer, cancellationToken: Cancellation);
        Assert.Equal([AdjustmentReason.Restock], rest.Adjustments.Select(a => a.Reason));
        Assert.Empty(rest.NextPageToken);
    }

    [Theory]
    [InlineData("zero-delta", "delta")]
    [InlineData("no-reason", "reason")]
    [InlineData("sale", "reason")]
    [InlineData("other-without-note", "note")]
    [InlineData("no-request-id", "request_id")]
    public async Task Bad_adjustments_are_refused_naming_the_field(string fault, string field)
    {
        var sku = await NewSkuAsync(stock: 3);
        var request = new AdjustStockRequest { Sku = sku, Delta = 1, Reason = AdjustmentReason.Restock, RequestId = Guid.NewGuid().ToString() };
        switch (fault)
        {
            case "zero-delta": request.Delta = 0; break;
            case "no-reason": request.Reason = AdjustmentReason.Unspecified; break;
            case "sale": request.Reason = AdjustmentReason.Sale; break;
            case "other-without-note": request.Reason = AdjustmentReason.Other; break;
            case "no-request-id": request.RequestId = "not-a-uuid"; break;
        }

        await RpcAssert.InvalidFieldAsync(() => Api.Inventory.AdjustStockAsync(request, CatalogCallers.Admin, cancellationToken: Cancellation), field);
        Assert.Equal(3, (await StockAsync(sku)).OnHand);
    }

    [Fact]
    public async Task Producers_see_and_change_their_own_stock_only()
    {
        var owner = await Api.NewProducerAsync();
        var other = await Api.NewProducerAsync();
        var sku = await NewSkuAsync(stock: 2, owner);

        Assert.Equal(2, (await Api.Inventory.GetStockAsync(new GetStockRequest { Sku = sku }, CatalogCallers.Producer(owner.Id), cancellationToken: Cancellation)).OnHand);
        await RpcAssert.FailsAsync(() => Api.Inventory.GetStockAsync(new GetStockRequest { Sku = sku }, CatalogCallers.Producer(other.Id), cancellationToken: Cancellation), StatusCode.NotFound, "SKU_NOT_FOUND");
        await RpcAssert.FailsAsync(
            () => Api.Inventory.AdjustStockAsync(new AdjustStockRequest { Sku = sku, Delta = 100, Reason = AdjustmentReason.Restock, RequestId = Guid.NewGuid().ToString() }, CatalogCallers.Producer(other.Id), cancellationToken: Cancellation),
            StatusCode.NotFound);
        await RpcAssert.FailsAsync(() => Api.Inventory.GetStockAsync(new GetStockRequest { Sku = sku }, CatalogCallers.Customer, cancellationToken: Cancellation), StatusCode.PermissionDenied, "ACCESS_DENIED");

        var batch = await Api.Inventory.BatchGetStockAsync(new BatchGetStockRequest { Skus = { sku, "NO-SUCH-SKU" } }, CatalogCallers.Producer(other.Id), cancellationToken: Cancellation);
        Assert.Empty(batch.StockLevels);
        Assert.Equal([sku, "NO-SUCH-SKU"], batch.MissingSkus);
        var mine = await Api.Inventory.BatchGetStockAsync(new BatchGetStockRequest { Skus = { sku } }, CatalogCallers.Producer(owner.Id), cancellationToken: Cancellation);
        Assert.Equal(owner.Id, Assert.Single(mine.StockLevels).ProducerId);
        await RpcAssert.InvalidFieldAsync(() => Api.Inventory.BatchGetStockAsync(new BatchGetStockRequest(), CatalogCallers.Admin, cancellationToken: Cancellation), "skus");
    }

    private async Task<string> NewSkuAsync(long stock, Contracts.Catalog.V1.Producer? producer = null)
    {
        producer ??= await Api.NewProducerAsync();
        var product = await Api.CreateProductAsync(producer, await Api.CategoryAsync("feta"));
        var sku = product.Variants[0].Sku;
        if (stock > 0)
        {
            await Api.RestockAsync(sku, stock);
        }

        return sku;
    }

    private Task<StockLevel> StockAsync(string sku) =>
        Api.Inventory.GetStockAsync(new GetStockRequest { Sku = sku }, CatalogCallers.Admin, cancellationToken: Cancellation).ResponseAsync;

    /// <summary>A new order's reservation of <paramref name="lines"/>, committed (as when the order is paid).</summary>
    private async Task<string> CommittedOrderAsync(params ReservationLine[] lines)
    {
        var orderId = CatalogApi.Unique("order");
        await Api.Inventory.ReserveStockAsync(new ReserveStockRequest { OrderId = orderId, Lines = { lines } }, cancellationToken: Cancellation);
        await Api.Inventory.CommitReservationAsync(new CommitReservationRequest { OrderId = orderId }, cancellationToken: Cancellation);
        return orderId;
    }

    private static ReservationLine Line(string sku, long quantity) => new() { Sku = sku, Quantity = quantity };
}
