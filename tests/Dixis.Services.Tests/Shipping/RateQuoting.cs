using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Shipping.V1;
using Grpc.Core;

namespace Dixis.Services.Tests.Shipping;

/// <summary>Quotes as the tests ask for them, and their breakdowns in a form an assertion reads at a glance.</summary>
public static class RateQuoting
{
    public static ParcelSpec Parcel(int grams, long declaredValueCents = 0, int lengthMm = 0, int widthMm = 0, int heightMm = 0, string reference = "parcel") => new()
    {
        Reference = reference,
        WeightGrams = grams,
        Dimensions = new Dimensions { LengthMm = lengthMm, WidthMm = widthMm, HeightMm = heightMm },
        DeclaredValue = declaredValueCents == 0 ? null : Eur(declaredValueCents),
    };

    public static QuoteRatesRequest To(string postalCode, params ParcelSpec[] parcels)
    {
        var request = new QuoteRatesRequest { DestinationPostalCode = postalCode };
        request.Parcels.AddRange(parcels);
        return request;
    }

    public static Money Eur(long cents) => new() { CurrencyCode = "EUR", AmountMinor = cents };

    public static async Task<ParcelQuote> QuoteOneAsync(this RateService.RateServiceClient rates, QuoteRatesRequest request, Metadata? headers = null)
    {
        var response = await rates.QuoteRatesAsync(request, headers, cancellationToken: TestContext.Current.CancellationToken);
        return Assert.Single(response.Quotes);
    }

    /// <summary>The option of a service level.</summary>
    public static RateOption Level(this ParcelQuote quote, string serviceLevelId) =>
        quote.Options.Single(option => option.ServiceLevelId == serviceLevelId);

    /// <summary>The breakdown as (kind, cents) pairs, in order of application.</summary>
    public static (RateComponentKind Kind, long Cents)[] Lines(this RateOption option)
    {
        Assert.All(option.Breakdown, line => Assert.Equal("EUR", line.Amount.CurrencyCode));
        Assert.Equal(option.Breakdown.Sum(line => line.Amount.AmountMinor), option.Total.AmountMinor);
        return [.. option.Breakdown.Select(line => (line.Kind, line.Amount.AmountMinor))];
    }

    /// <summary>Options cheapest first as (service level, total cents).</summary>
    public static (string Level, long Cents)[] Totals(this ParcelQuote quote) =>
        [.. quote.Options.Select(option => (option.ServiceLevelId, option.Total.AmountMinor))];
}
