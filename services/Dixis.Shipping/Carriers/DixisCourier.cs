namespace Dixis.Shipping.Carriers;

/// <summary>
/// The built-in carrier <c>dixis-courier</c>: issues tracking numbers (<see cref="TrackingNumbers"/>) and printable HTML
/// labels itself, with nobody to call. It also books every carrier of the rate tables that has no adapter of its own
/// (see <see cref="CarrierRegistry"/>), so the platform ships end to end before real carriers are connected.
/// </summary>
public sealed class DixisCourier : ICarrier
{
    public const string CarrierId = "dixis-courier";

    public IReadOnlyCollection<string> CarrierIds { get; } = [CarrierId];

    public Task<CarrierBooking> CreateShipmentAsync(CarrierShipmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var trackingNumber = TrackingNumbers.Create();
        return Task.FromResult(new CarrierBooking(trackingNumber, null, ShipmentLabelPage.ContentType, ShipmentLabelPage.Render(request, trackingNumber)));
    }

    /// <summary>Nothing to undo: the built-in carrier keeps no bookings of its own.</summary>
    public Task CancelAsync(string carrierId, string trackingNumber, CancellationToken cancellationToken) => Task.CompletedTask;
}
