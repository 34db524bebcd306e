namespace Dixis.Shipping.Carriers;

/// <summary>
/// A carrier's API as shipments need it: book a parcel (tracking number and label) and cancel a booking. A real
/// carrier (ACS, ELTA Courier, Speedex, …) plugs in here with its own HTTP client; <see cref="CarrierRegistry"/> picks
/// the adapter by carrier id.
/// </summary>
public interface ICarrier
{
    /// <summary>The carrier ids this adapter books for, as rate tables name them.</summary>
    IReadOnlyCollection<string> CarrierIds { get; }

    /// <summary>Books the parcel. Called before the shipment is stored, so it may be called again for the same shipment id after a crash.</summary>
    Task<CarrierBooking> CreateShipmentAsync(CarrierShipmentRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels a booking that will not be handed over. Idempotent: cancelling twice, or an unknown number, is no error.</summary>
    Task CancelAsync(string carrierId, string trackingNumber, CancellationToken cancellationToken);
}
