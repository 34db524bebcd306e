using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Microsoft.Extensions.Options;

namespace Dixis.Orders.Vat;

/// <summary>
/// VAT contained in VAT-inclusive prices: <c>gross × r / (10000 + r)</c> rounded half away from zero, per line (so each
/// line's VAT is what its receipt line shows), and the breakdown per rate, largest rate first.
/// </summary>
public sealed class VatRates(IOptions<VatOptions> options)
{
    /// <summary>The rate in basis points of a tax class; a class without a configured rate is refused rather than taxed at 0.</summary>
    public int RateOf(TaxClass taxClass)
    {
        var name = TaxClassName(taxClass);
        return options.Value.Rates.TryGetValue(name, out var rate)
            ? rate
            : throw new InvalidOperationException($"No VAT rate is configured for tax class {name} (Orders:Vat:Rates:{name}).");
    }

    /// <summary>The rate of shipping and fees.</summary>
    public int ServicesRate => options.Value.Rates[options.Value.ServicesTaxClass];

    /// <summary>The VAT contained in a VAT-inclusive amount.</summary>
    public static long Contained(long grossMinor, int rateBasisPoints) =>
        rateBasisPoints == 0 ? 0 : (long)Math.Round(grossMinor * (decimal)rateBasisPoints / (10000 + rateBasisPoints), MidpointRounding.AwayFromZero);

    /// <summary>The breakdown of VAT-inclusive amounts with their (already rounded) VAT, per rate, largest rate first.</summary>
    public static IEnumerable<VatAmount> Breakdown(IEnumerable<(int Rate, long Gross, long Vat)> amounts, string currency) =>
        amounts
            .GroupBy(amount => amount.Rate)
            .OrderByDescending(group => group.Key)
            .Select(group =>
            {
                var gross = group.Sum(amount => amount.Gross);
                var vat = group.Sum(amount => amount.Vat);
                return new VatAmount
                {
                    RateBasisPoints = group.Key,
                    GrossAmount = new Money { CurrencyCode = currency, AmountMinor = gross },
                    NetAmount = new Money { CurrencyCode = currency, AmountMinor = gross - vat },
                    VatAmount_ = new Money { CurrencyCode = currency, AmountMinor = vat },
                };
            });

    private static string TaxClassName(TaxClass taxClass) => taxClass switch
    {
        TaxClass.Standard => "STANDARD",
        TaxClass.Reduced => "REDUCED",
        TaxClass.SuperReduced => "SUPER_REDUCED",
        TaxClass.Zero => "ZERO",
        _ => taxClass.ToString(),
    };
}
