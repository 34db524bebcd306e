using System.Text;
using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>Who sees which shipment: the customer their own, the producer their own parcels, admins all; others get NOT_FOUND.</summary>
public sealed class ShipmentVisibilityTests(ShipmentsFixture shipping) : IClassFixture<ShipmentsFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_customer_the_producer_and_admins_read_a_shipment_others_do_not_learn_it_exists()
    {
        var (producerA, producerB, customerA, customerB) = (ShipmentsFixture.Unique("p"), ShipmentsFixture.Unique("p"), ShipmentsFixture.Unique("c"), ShipmentsFixture.Unique("c"));
        var shipment = await shipping.CreateAsync(ShipmentsFixture.NewRequest(producerA, customerA));

        foreach (var caller in new[] { ShippingCallers.Customer(customerA), ShippingCallers.Producer(producerA), ShippingCallers.Admin })
        {
            Assert.Equal(shipment.Id, (await Get(shipment.Id, caller)).Id);
        }

        foreach (var caller in new[] { ShippingCallers.Customer(customerB), ShippingCallers.Producer(producerB) })
        {
            await RpcAssert.FailsAsync(() => shipping.Shipments.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id }, caller, cancellationToken: Cancellation), StatusCode.NotFound, "SHIPMENT_NOT_FOUND");
        }

        await RpcAssert.FailsAsync(() => shipping.Shipments.GetShipmentAsync(new GetShipmentRequest { ShipmentId = "no-such-shipment" }, ShippingCallers.Admin, cancellationToken: Cancellation), StatusCode.NotFound, "SHIPMENT_NOT_FOUND");
        await RpcAssert.FailsAsync(() => shipping.Shipments.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id }, ShippingCallers.Anonymous, cancellationToken: Cancellation), StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task Lists_hold_what_the_caller_may_see_newest_first_with_filters_and_pages()
    {
        var (producerA, producerB, customerA, customerB) = (ShipmentsFixture.Unique("p"), ShipmentsFixture.Unique("p"), ShipmentsFixture.Unique("c"), ShipmentsFixture.Unique("c"));
        var a1 = await shipping.CreateAsync(ShipmentsFixture.NewRequest(producerA, customerA));
        var a2 = await shipping.CreateAsync(ShipmentsFixture.NewRequest(producerA, customerB));
        var b1 = await shipping.CreateAsync(ShipmentsFixture.NewRequest(producerB, customerA));
        await shipping.ReportAsync(a2, TrackingEventKind.Accepted);

        Assert.Equal([a2.Id, a1.Id], await Ids(new ListShipmentsRequest(), ShippingCallers.Producer(producerA)));
        Assert.Equal([b1.Id, a1.Id], await Ids(new ListShipmentsRequest(), ShippingCallers.Customer(customerA)));
        Assert.Equal([a2.Id], await Ids(new ListShipmentsRequest(), ShippingCallers.Customer(customerB)));
        Assert.Equal([a1.Id], await Ids(new ListShipmentsRequest { ProducerId = producerA }, ShippingCallers.Customer(customerA)));
        Assert.Empty(await Ids(new ListShipmentsRequest { ProducerId = producerB }, ShippingCallers.Producer(producerA)));
        Assert.Equal([b1.Id], await Ids(new ListShipmentsRequest { ProducerId = producerB }, ShippingCallers.Admin));
        Assert.Equal([a2.Id], await Ids(new ListShipmentsRequest { ProducerId = producerA, State = ShipmentState.Accepted }, ShippingCallers.Admin));
        Assert.Equal([a1.Id], await Ids(new ListShipmentsRequest { OrderId = a1.OrderId }, ShippingCallers.Admin));

        var first = await shipping.Shipments.ListShipmentsAsync(new ListShipmentsRequest { PageSize = 1 }, ShippingCallers.Producer(producerA), cancellationToken: Cancellation);
        var second = await shipping.Shipments.ListShipmentsAsync(new ListShipmentsRequest { PageSize = 1, PageToken = first.NextPageToken }, ShippingCallers.Producer(producerA), cancellationToken: Cancellation);
        Assert.Equal(a2.Id, first.Shipments.Single().Id);
        Assert.Equal(a1.Id, second.Shipments.Single().Id);
        await RpcAssert.InvalidFieldAsync(() => shipping.Shipments.ListShipmentsAsync(new ListShipmentsRequest { PageSize = 1, PageToken = first.NextPageToken }, ShippingCallers.Producer(producerB), cancellationToken: Cancellation), "page_token", "INVALID_PAGE_TOKEN");
        await RpcAssert.InvalidFieldAsync(() => shipping.Shipments.ListShipmentsAsync(new ListShipmentsRequest { PageSize = 101 }, ShippingCallers.Admin, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
        await RpcAssert.InvalidFieldAsync(() => shipping.Shipments.ListShipmentsAsync(new ListShipmentsRequest { State = (ShipmentState)99 }, ShippingCallers.Admin, cancellationToken: Cancellation), "state");
    }

    [Fact]
    public async Task The_label_is_a_printable_page_with_the_tracking_number_and_the_address_encoded()
    {
        var request = ShipmentsFixture.NewRequest();
        request.Destination.RecipientName = "Νίκος <script>alert(1)</script> & Σια";
        var shipment = await shipping.CreateAsync(request);

        var label = await shipping.Shipments.GetShipmentLabelAsync(new GetShipmentLabelRequest { ShipmentId = shipment.Id }, ShippingCallers.Producer(shipment.ProducerId), cancellationToken: Cancellation);
        var adminLabel = await shipping.Shipments.GetShipmentLabelAsync(new GetShipmentLabelRequest { ShipmentId = shipment.Id }, ShippingCallers.Admin, cancellationToken: Cancellation);

        var html = Encoding.UTF8.GetString(label.Data.Span);
        Assert.StartsWith("text/html", label.ContentType, StringComparison.Ordinal);
        Assert.Contains(shipment.TrackingNumber, html, StringComparison.Ordinal);
        Assert.Contains("Αδριανού 24", html, StringComparison.Ordinal);
        Assert.Contains("Νίκος &lt;script&gt;alert(1)&lt;/script&gt; &amp; Σια", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(label.Data, adminLabel.Data);
    }

    [Fact]
    public async Task Customers_and_other_producers_get_no_label()
    {
        var shipment = await shipping.CreateAsync(ShipmentsFixture.NewRequest());

        await RpcAssert.FailsAsync(() => shipping.Shipments.GetShipmentLabelAsync(new GetShipmentLabelRequest { ShipmentId = shipment.Id }, ShippingCallers.Customer(shipment.CustomerUserId), cancellationToken: Cancellation), StatusCode.PermissionDenied);
        await RpcAssert.FailsAsync(() => shipping.Shipments.GetShipmentLabelAsync(new GetShipmentLabelRequest { ShipmentId = shipment.Id }, ShippingCallers.Producer(ShipmentsFixture.Unique("p")), cancellationToken: Cancellation), StatusCode.NotFound, "SHIPMENT_NOT_FOUND");
    }

    private async Task<Shipment> Get(string id, Metadata caller) =>
        await shipping.Shipments.GetShipmentAsync(new GetShipmentRequest { ShipmentId = id }, caller, cancellationToken: Cancellation);

    private async Task<string[]> Ids(ListShipmentsRequest request, Metadata caller) =>
        [.. (await shipping.Shipments.ListShipmentsAsync(request, caller, cancellationToken: Cancellation)).Shipments.Select(s => s.Id)];
}
