namespace Dixis.Shipping.Rates;

/// <summary>
/// The service levels of the active rate tables, as shipments need them: which carrier delivers, its tracking page and
/// the delivery estimate to a destination (zone and remote-area days included). Implemented by the rate tables;
/// used when a shipment is created.
/// </summary>
public interface IShippingServiceLevels
{
    /// <summary>The enabled service level of the region's active table, or null when it is unknown or disabled.</summary>
    Task<ServiceLevelOffer?> FindAsync(string regionCode, string serviceLevelId, string destinationPostalCode, CancellationToken cancellationToken);
}

/// <summary>A service level with its carrier and the estimate to one destination.</summary>
/// <param name="ServiceLevelId">The service level id.</param>
/// <param name="CarrierId">The carrier that delivers it.</param>
/// <param name="CarrierDisplayName">The carrier's name.</param>
/// <param name="TrackingUriTemplate">The carrier's tracking page with <c>{tracking_number}</c>; may be empty.</param>
/// <param name="CashOnDeliverySupported">Whether the courier collects cash.</param>
/// <param name="MinDays">The earliest delivery in working days after dispatch, to this destination.</param>
/// <param name="MaxDays">The latest delivery in working days after dispatch, to this destination.</param>
public sealed record ServiceLevelOffer(
    string ServiceLevelId,
    string CarrierId,
    string CarrierDisplayName,
    string TrackingUriTemplate,
    bool CashOnDeliverySupported,
    int MinDays,
    int MaxDays);
