namespace Dixis.Shipping.Rates;

/// <summary>
/// <see cref="IShippingServiceLevels"/> from the region's active rate table. The estimate adds the destination's zone and
/// remote-area days; when the destination cannot be placed in a zone (malformed or not served), the service level's
/// own estimate is given, because the shipment exists already and only its estimate is at stake.
/// </summary>
public sealed class ShippingServiceLevels(RateTableDirectory directory) : IShippingServiceLevels
{
    public async Task<ServiceLevelOffer?> FindAsync(string regionCode, string serviceLevelId, string destinationPostalCode, CancellationToken cancellationToken)
    {
        var table = await directory.FindActiveAsync(regionCode, cancellationToken);
        var level = table?.OfferedLevels().FirstOrDefault(l => l.Id == serviceLevelId);
        if (table is null || level is null)
        {
            return null;
        }

        var carrier = table.Carriers[level.CarrierId];
        var code = PostalCodes.Normalize(destinationPostalCode);
        var extraDays = table.IsWellFormed(code) ? table.Resolve(code)?.ExtraDeliveryDays ?? 0 : 0;
        return new ServiceLevelOffer(
            level.Id,
            carrier.Id,
            carrier.DisplayName,
            carrier.TrackingUriTemplate,
            level.CashOnDeliverySupported,
            (level.DeliveryEstimate?.MinDays ?? 0) + extraDays,
            (level.DeliveryEstimate?.MaxDays ?? 0) + extraDays);
    }
}
