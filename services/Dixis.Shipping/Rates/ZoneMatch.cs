using Dixis.Contracts.Shipping.V1;

namespace Dixis.Shipping.Rates;

/// <summary>Where a postal code falls: its zone, and the per-code override that applies, if any.</summary>
/// <param name="PostalCode">The normalized postal code.</param>
/// <param name="Zone">The zone priced.</param>
/// <param name="Override">The code's override (remote areas), or null.</param>
public sealed record ZoneMatch(string PostalCode, Zone Zone, PostalCodeOverride? Override)
{
    public bool Remote => Override?.Remote ?? false;

    /// <summary>Working days the zone and the override add to a service level's estimate.</summary>
    public int ExtraDeliveryDays => Zone.ExtraDeliveryDays + (Override?.ExtraDeliveryDays ?? 0);
}
