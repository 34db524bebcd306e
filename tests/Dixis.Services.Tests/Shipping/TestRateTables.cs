using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Shipping.V1;

namespace Dixis.Services.Tests.Shipping;

/// <summary>
/// A small rate table for a region of the test's own, so table administration never disturbs the Greek table other
/// tests quote from: one carrier, one level (500 up to 1000 g, 900 up to 5000 g, then 100 per 1000 g), zone north
/// (<c>1*</c>, ×1) and zone south (<c>2*</c>, ×2 + 50).
/// </summary>
public static class TestRateTables
{
    public static RateTable Small(string regionCode, string displayName = "Test table") => new()
    {
        DisplayName = displayName,
        RegionCode = regionCode,
        CurrencyCode = "EUR",
        PostalCodeFormat = "^[0-9]{4}$",
        MaxWeightGrams = 10_000,
        VolumetricDivisor = 4000,
        Carriers = { new Carrier { Id = "post", DisplayName = "Post", Enabled = true } },
        ServiceLevels =
        {
            new ServiceLevel
            {
                Id = "post-standard",
                CarrierId = "post",
                Code = "standard",
                DisplayName = new LocalizedText { Values = { ["en"] = "Standard" } },
                CashOnDeliverySupported = true,
                WeightSteps = { Step(1000, 500), Step(5000, 900) },
                ExtraWeightStepGrams = 1000,
                ExtraWeightStepPrice = Eur(100),
                DeliveryEstimate = new DeliveryEstimate { MinDays = 2, MaxDays = 3 },
                Enabled = true,
            },
        },
        Zones =
        {
            new Zone { Id = "north", DisplayName = new LocalizedText { Values = { ["en"] = "North" } }, PostalCodePatterns = { "1*" }, PriceMultiplierBasisPoints = 10_000 },
            new Zone { Id = "south", DisplayName = new LocalizedText { Values = { ["en"] = "South" } }, PostalCodePatterns = { "2*" }, PriceMultiplierBasisPoints = 20_000, Surcharge = Eur(50) },
        },
    };

    public static WeightStep Step(int maxGrams, long cents) => new() { MaxWeightGrams = maxGrams, Price = Eur(cents) };

    public static Money Eur(long cents) => new() { CurrencyCode = "EUR", AmountMinor = cents };
}
