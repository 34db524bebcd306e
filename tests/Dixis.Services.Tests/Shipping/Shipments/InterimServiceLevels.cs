using Dixis.Shipping.Rates;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>TEMPORARY until the rate tables are merged: the two default-table levels these tests use.</summary>
public sealed class InterimServiceLevels : IShippingServiceLevels
{
    public Task<ServiceLevelOffer?> FindAsync(string regionCode, string serviceLevelId, string destinationPostalCode, CancellationToken cancellationToken) =>
        Task.FromResult(regionCode != "GR" ? null : serviceLevelId switch
        {
            "dixis-standard" => new ServiceLevelOffer("dixis-standard", "dixis-courier", "Dixis Courier", "https://track.dixis.gr/{tracking_number}", true, 1, 3),
            "elta-standard" => new ServiceLevelOffer("elta-standard", "elta", "ΕΛΤΑ Courier", "https://www.elta-courier.gr/search?br={tracking_number}", false, 2, 4),
            _ => null,
        });
}
