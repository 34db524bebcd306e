using Dixis.Contracts.Catalog.V1;
using Dixis.Orders.Vat;
using Microsoft.Extensions.Options;

namespace Dixis.Services.Tests.Orders.Checkout;

/// <summary>VAT contained in VAT-inclusive prices, per line, rounded half away from zero, and the breakdown per rate.</summary>
public sealed class VatTests
{
    [Theory]
    [InlineData(1240, 2400, 240)]   // 12.40 at 24 %: exactly 2.40
    [InlineData(1250, 1300, 144)]   // 12.50 at 13 %: 143.805… → 1.44
    [InlineData(1000, 600, 57)]     // 10.00 at 6 %: 56.60… → 0.57
    [InlineData(390, 2400, 75)]     // shipping 3.90 at 24 %: 75.48… → 0.75
    [InlineData(113, 1300, 13)]     // 1.13 at 13 %: exactly 0.13
    [InlineData(0, 2400, 0)]
    [InlineData(999, 0, 0)]
    public void Vat_contained_in_a_gross_amount(long gross, int rate, long vat) => Assert.Equal(vat, VatRates.Contained(gross, rate));

    [Fact]
    public void Half_a_cent_rounds_away_from_zero()
    {
        // At 100 % the VAT is half the gross: 2.5 cents is a true midpoint, where banker's rounding would give 2.
        Assert.Equal(3, VatRates.Contained(5, 10000));
        Assert.Equal(-3, VatRates.Contained(-5, 10000));
    }

    [Fact]
    public void The_breakdown_lists_each_rate_once_largest_first()
    {
        var breakdown = VatRates.Breakdown([(1300, 2500, 288), (2400, 390, 75), (1300, 1250, 144), (600, 1000, 57)], "EUR").ToList();

        Assert.Equal([2400, 1300, 600], breakdown.Select(rate => rate.RateBasisPoints));
        var reduced = breakdown[1];
        Assert.Equal(3750, reduced.GrossAmount.AmountMinor);
        Assert.Equal(432, reduced.VatAmount_.AmountMinor);
        Assert.Equal(3750 - 432, reduced.NetAmount.AmountMinor);
    }

    [Fact]
    public void Rates_come_from_configuration()
    {
        var greek = new VatRates(Options.Create(new VatOptions()));
        Assert.Equal(2400, greek.RateOf(TaxClass.Standard));
        Assert.Equal(1300, greek.RateOf(TaxClass.Reduced));
        Assert.Equal(600, greek.RateOf(TaxClass.SuperReduced));
        Assert.Equal(2400, greek.ServicesRate);

        var other = new VatRates(Options.Create(new VatOptions { Rates = new(StringComparer.OrdinalIgnoreCase) { ["STANDARD"] = 1900, ["REDUCED"] = 700 } }));
        Assert.Equal(1900, other.RateOf(TaxClass.Standard));
        Assert.Equal(700, other.RateOf(TaxClass.Reduced));
        Assert.Throws<InvalidOperationException>(() => other.RateOf(TaxClass.SuperReduced));
    }
}
