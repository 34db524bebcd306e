namespace Dixis.Shipping.Carriers;

/// <summary>
/// The adapter for each carrier id. A carrier of the rate tables without an adapter of its own is booked through the
/// built-in <see cref="DixisCourier"/>, so every service level of the default table ships before real carriers are wired.
/// </summary>
public sealed class CarrierRegistry
{
    private readonly Dictionary<string, ICarrier> byId = new(StringComparer.Ordinal);
    private readonly DixisCourier builtIn;

    public CarrierRegistry(IEnumerable<ICarrier> carriers, DixisCourier builtIn)
    {
        this.builtIn = builtIn;
        foreach (var carrier in carriers)
        {
            foreach (var id in carrier.CarrierIds)
            {
                if (!byId.TryAdd(id, carrier))
                {
                    throw new InvalidOperationException($"Two carrier adapters are registered for carrier '{id}'.");
                }
            }
        }
    }

    /// <summary>The adapter that books <paramref name="carrierId"/>'s parcels.</summary>
    public ICarrier For(string carrierId) => byId.GetValueOrDefault(carrierId, builtIn);
}
