namespace Dixis.Shipping.Shipments;

/// <summary>An amount in minor units and its ISO 4217 currency, as stored.</summary>
public sealed record MoneyRecord(string CurrencyCode, long AmountMinor);
