using System.Globalization;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Shipping.V1;
using ErrorReason = Dixis.Contracts.Shipping.V1.ErrorReason;
using Dixis.Shipping.Model;

namespace Dixis.Shipping.Rates;

/// <summary>
/// Prices one parcel at every offered service level of a table, in the order the README's "How a rate is computed"
/// gives: weight step, extra weight steps, zone multiplier, zone surcharge, remote surcharge, free shipping.
/// </summary>
public static class ParcelPricing
{
    private const int OneTimes = 10_000;

    public static ParcelQuote Quote(CompiledRateTable table, ZoneMatch destination, ParcelSpec parcel, bool cashOnDelivery)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(parcel);
        var volumetric = VolumetricGrams(parcel.Dimensions, table.Table.VolumetricDivisor);
        var chargeable = Math.Max(parcel.WeightGrams, volumetric);
        var quote = new ParcelQuote
        {
            Reference = parcel.Reference,
            ZoneId = destination.Zone.Id,
            ZoneDisplayName = destination.Zone.DisplayName?.Clone() ?? new LocalizedText(),
            Remote = destination.Remote,
            ActualWeightGrams = parcel.WeightGrams,
            VolumetricWeightGrams = volumetric,
            ChargeableWeightGrams = chargeable,
        };
        if (chargeable > table.Table.MaxWeightGrams)
        {
            quote.UnavailableReason = ShippingErrors.Reason(ErrorReason.ParcelTooHeavy);
            return quote;
        }

        var levels = table.OfferedLevels().Where(level => !cashOnDelivery || level.CashOnDeliverySupported);

        // OrderBy is stable: levels of equal price keep the table's order.
        quote.Options.AddRange(levels
            .Select(level => Price(table.Table.CurrencyCode, level, destination, parcel, chargeable))
            .OfType<RateOption>()
            .OrderBy(option => option.Total.AmountMinor));
        if (quote.Options.Count == 0)
        {
            quote.UnavailableReason = ShippingErrors.Reason(cashOnDelivery ? ErrorReason.CashOnDeliveryNotSupported : ErrorReason.ServiceLevelNotFound);
        }

        return quote;
    }

    /// <summary>
    /// Volumetric grams = length_mm × width_mm × height_mm / divisor (cm³ per kg), rounded up to the next gram as carriers
    /// do; zero when the divisor is zero or a dimension is unknown.
    /// </summary>
    public static int VolumetricGrams(Dimensions? dimensions, int divisor)
    {
        if (dimensions is null || divisor <= 0 || dimensions.LengthMm <= 0 || dimensions.WidthMm <= 0 || dimensions.HeightMm <= 0)
        {
            return 0;
        }

        var cubicMillimetres = (long)dimensions.LengthMm * dimensions.WidthMm * dimensions.HeightMm;
        return (int)Math.Min(int.MaxValue, (cubicMillimetres + divisor - 1) / divisor);
    }

    /// <summary>
    /// A multiplier's added amount: base × (basis points − 10000) / 10000 in whole minor units, rounded half away from
    /// zero (1105 × 0.30 = 331.5 → 332). Zero basis points means ×1 (a multiplier left unset).
    /// </summary>
    public static long MultiplierAmount(long baseAmount, int basisPoints) =>
        basisPoints == 0 ? 0 : (long)Math.Round(baseAmount * (decimal)(basisPoints - OneTimes) / OneTimes, MidpointRounding.AwayFromZero);

    private static RateOption? Price(string currency, ServiceLevel level, ZoneMatch destination, ParcelSpec parcel, int chargeable)
    {
        var option = new RateOption
        {
            ServiceLevelId = level.Id,
            CarrierId = level.CarrierId,
            ServiceLevelCode = level.Code,
            DisplayName = level.DisplayName?.Clone() ?? new LocalizedText(),
            CashOnDeliverySupported = level.CashOnDeliverySupported,
            DeliveryEstimate = new DeliveryEstimate
            {
                MinDays = (level.DeliveryEstimate?.MinDays ?? 0) + destination.ExtraDeliveryDays,
                MaxDays = (level.DeliveryEstimate?.MaxDays ?? 0) + destination.ExtraDeliveryDays,
            },
        };

        var step = level.WeightSteps.FirstOrDefault(s => chargeable <= s.MaxWeightGrams);
        if (step is not null)
        {
            Add(option, RateComponentKind.WeightStep, $"Weight step up to {step.MaxWeightGrams} g", step.Price.AmountMinor, currency);
        }
        else
        {
            var last = level.WeightSteps[^1];
            if (level.ExtraWeightStepGrams <= 0)
            {
                return null;
            }

            var extraSteps = (chargeable - last.MaxWeightGrams + level.ExtraWeightStepGrams - 1) / level.ExtraWeightStepGrams;
            Add(option, RateComponentKind.WeightStep, $"Weight step up to {last.MaxWeightGrams} g", last.Price.AmountMinor, currency);
            Add(option, RateComponentKind.ExtraWeight, $"{extraSteps} × {level.ExtraWeightStepGrams} g above {last.MaxWeightGrams} g",
                extraSteps * (level.ExtraWeightStepPrice?.AmountMinor ?? 0), currency);
        }

        var zone = destination.Zone;
        var added = MultiplierAmount(option.Breakdown.Sum(line => line.Amount.AmountMinor), zone.PriceMultiplierBasisPoints);
        if (added != 0)
        {
            var factor = (zone.PriceMultiplierBasisPoints / (decimal)OneTimes).ToString("0.00##", CultureInfo.InvariantCulture);
            Add(option, RateComponentKind.ZoneMultiplier, $"Zone {zone.Id} ×{factor}", added, currency);
        }

        if (zone.Surcharge is { AmountMinor: not 0 } zoneSurcharge)
        {
            Add(option, RateComponentKind.ZoneSurcharge, $"Zone {zone.Id} surcharge", zoneSurcharge.AmountMinor, currency);
        }

        if (destination.Override?.Surcharge is { AmountMinor: not 0 } remoteSurcharge)
        {
            Add(option, RateComponentKind.RemoteSurcharge, $"Remote area {destination.PostalCode} surcharge", remoteSurcharge.AmountMinor, currency);
        }

        var total = option.Breakdown.Sum(line => line.Amount.AmountMinor);
        if (level.FreeShippingThreshold is { AmountMinor: > 0 } threshold && parcel.DeclaredValue is { } value && value.AmountMinor >= threshold.AmountMinor && total != 0)
        {
            Add(option, RateComponentKind.FreeShipping, "Free shipping: the declared value reaches the threshold", -total, currency);
            total = 0;
        }

        option.Total = new Money { CurrencyCode = currency, AmountMinor = total };
        return option;
    }

    private static void Add(RateOption option, RateComponentKind kind, string description, long amount, string currency) =>
        option.Breakdown.Add(new RateComponent { Kind = kind, Description = description, Amount = new Money { CurrencyCode = currency, AmountMinor = amount } });
}
