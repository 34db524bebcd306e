using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Shipping.Shipments;

/// <summary>The shipments' collections and the look-ups more than one part of the service needs.</summary>
public sealed class ShipmentRepository(IDocumentStore store)
{
    public IDocumentCollection<ShipmentRecord> Shipments { get; } = store.Collection<ShipmentRecord>(ShipmentCollections.Shipments);

    public IDocumentCollection<ShipmentLabelRecord> Labels { get; } = store.Collection<ShipmentLabelRecord>(ShipmentCollections.Labels);

    /// <summary>Per request id: the shipment created, or the cancellation that came first (see <see cref="ShipmentRequestRecord"/>).</summary>
    public IDocumentCollection<ShipmentRequestRecord> Requests { get; } = store.Collection<ShipmentRequestRecord>(ShipmentCollections.Requests);

    public Task<Document<ShipmentRecord>?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        Shipments.FirstOrDefaultAsync(Filter.Eq("requestId", requestId), cancellationToken);

    public Task<Document<ShipmentRecord>?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken) =>
        Shipments.FirstOrDefaultAsync(Filter.Eq("trackingNumber", trackingNumber), cancellationToken);

    /// <summary>The shipment if <paramref name="caller"/> may see it (or manage it, with <paramref name="manage"/>); NOT_FOUND otherwise.</summary>
    public async Task<Document<ShipmentRecord>> VisibleAsync(string shipmentId, Caller caller, bool manage, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(shipmentId))
        {
            throw ServiceDefaults.Grpc.RpcErrors.InvalidField(ShipmentErrors.Domain, "shipment_id", "is required.");
        }

        var shipment = shipmentId.Length <= ShipmentLimits.MaxIdLength ? await Shipments.GetAsync(shipmentId, cancellationToken) : null;
        return shipment is not null && (manage ? ShipmentVisibility.CanManage(caller, shipment.Value) : ShipmentVisibility.CanSee(caller, shipment.Value))
            ? shipment
            : throw ShipmentErrors.ShipmentNotFound(shipmentId);
    }
}
