using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Catalog;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;
using static Dixis.Contracts.Shipping.V1.RateComponentKind;
using static Dixis.Services.Tests.Shipping.RateQuoting;

namespace Dixis.Services.Tests.Shipping;

/// <summary>
/// Worked examples of <c>RateService.QuoteRates</c> and <c>ResolveZone</c> from the Greek default table. Prices are in
/// cents. The table's service levels, by weight step (≤2000 / ≤5000 / ≤10000 / ≤20000 g, then per further 1000 g):
/// elta-standard 350 / 480 / 700 / 1050 + 55; dixis-standard 390 / 520 / 750 / 1100 + 60 (cash on delivery, free from
/// 60.00 EUR); acs-express 690 / 890 / 1190 / 1590 + 90 (cash on delivery). Zones: Attica and Thessaloniki ×1;
/// mainland ×1 + 50; Crete ×1.20; large islands ×1.30 + 100; small islands ×1.50 + 200.
/// </summary>
[Collection(ShippingCollection.Name)]
public sealed class QuoteRatesTests(ShippingServiceFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private RateService.RateServiceClient Rates => fixture.Rates;

    [Fact]
    public async Task Athens_1000g_costs_the_first_weight_step_of_each_level_cheapest_first()
    {
        var quote = await Rates.QuoteOneAsync(To("10558", Parcel(1000, reference: "producer-1")));

        Assert.Equal(("producer-1", "attica", false, 1000, 0, 1000),
            (quote.Reference, quote.ZoneId, quote.Remote, quote.ActualWeightGrams, quote.VolumetricWeightGrams, quote.ChargeableWeightGrams));
        Assert.Equal("Αττική", quote.ZoneDisplayName.Values["el"]);
        Assert.Equal([("elta-standard", 350L), ("dixis-standard", 390L), ("acs-express", 690L)], quote.Totals());
        Assert.Equal([(RateComponentKind.WeightStep, 350L)], quote.Level("elta-standard").Lines());
        Assert.Equal("Weight step up to 2000 g", quote.Level("elta-standard").Breakdown[0].Description);
        Assert.Equal((2, 4), (quote.Level("elta-standard").DeliveryEstimate.MinDays, quote.Level("elta-standard").DeliveryEstimate.MaxDays));
        Assert.Equal((1, 1, true), (quote.Level("acs-express").DeliveryEstimate.MinDays, quote.Level("acs-express").DeliveryEstimate.MaxDays, quote.Level("acs-express").CashOnDeliverySupported));
        Assert.Equal("acs", quote.Level("acs-express").CarrierId);
        Assert.Equal("express", quote.Level("acs-express").ServiceLevelCode);
    }

    [Fact]
    public async Task At_2000g_the_first_step_applies_and_at_2001g_the_5000g_step()
    {
        var atBoundary = await Rates.QuoteOneAsync(To("10558", Parcel(2000)));
        var justAbove = await Rates.QuoteOneAsync(To("10558", Parcel(2001)));

        Assert.Equal([(RateComponentKind.WeightStep, 350L)], atBoundary.Level("elta-standard").Lines());
        Assert.Equal([(RateComponentKind.WeightStep, 480L)], justAbove.Level("elta-standard").Lines());
        Assert.Equal("Weight step up to 5000 g", justAbove.Level("elta-standard").Breakdown[0].Description);
        Assert.Equal([("elta-standard", 480L), ("dixis-standard", 520L), ("acs-express", 890L)], justAbove.Totals());
    }

    [Fact]
    public async Task Extra_weight_25000g_is_the_20000g_step_plus_5_further_steps_and_25001g_plus_6()
    {
        var quote = await Rates.QuoteOneAsync(To("10558", Parcel(25_000)));

        // elta 1050 + 5 × 55 = 1325; dixis 1100 + 5 × 60 = 1400; acs 1590 + 5 × 90 = 2040.
        Assert.Equal([(RateComponentKind.WeightStep, 1050L), (ExtraWeight, 275L)], quote.Level("elta-standard").Lines());
        Assert.Equal("5 × 1000 g above 20000 g", quote.Level("elta-standard").Breakdown[1].Description);
        Assert.Equal([("elta-standard", 1325L), ("dixis-standard", 1400L), ("acs-express", 2040L)], quote.Totals());

        // 1 g more starts a sixth step: 1050 + 6 × 55 = 1380.
        var oneGramMore = await Rates.QuoteOneAsync(To("10558", Parcel(25_001)));
        Assert.Equal([(RateComponentKind.WeightStep, 1050L), (ExtraWeight, 330L)], oneGramMore.Level("elta-standard").Lines());
    }

    [Fact]
    public async Task Heraklion_Crete_adds_the_island_multiplier_as_its_own_line_350_plus_70_is_420()
    {
        var quote = await Rates.QuoteOneAsync(To("71202", Parcel(1000)));

        // ×1.20 adds 20 % of the base: elta 350 + 70 = 420; dixis 390 + 78 = 468; acs 690 + 138 = 828.
        Assert.Equal("crete", quote.ZoneId);
        Assert.Equal([(RateComponentKind.WeightStep, 350L), (ZoneMultiplier, 70L)], quote.Level("elta-standard").Lines());
        Assert.Equal("Zone crete ×1.20", quote.Level("elta-standard").Breakdown[1].Description);
        Assert.Equal([("elta-standard", 420L), ("dixis-standard", 468L), ("acs-express", 828L)], quote.Totals());

        // Crete adds a day: dixis 1–3 → 2–4.
        Assert.Equal((2, 4), (quote.Level("dixis-standard").DeliveryEstimate.MinDays, quote.Level("dixis-standard").DeliveryEstimate.MaxDays));
    }

    [Fact]
    public async Task Corfu_21000g_rounds_the_multiplier_half_away_from_zero_1105_times_030_is_3315_to_332_plus_100_surcharge()
    {
        var quote = await Rates.QuoteOneAsync(To("49100", Parcel(21_000)));

        // elta: 1050 + 1 × 55 = 1105; ×1.30 adds 331.5 → 332; zone surcharge 100: 1537.
        Assert.Equal("large-islands", quote.ZoneId);
        Assert.Equal([(RateComponentKind.WeightStep, 1050L), (ExtraWeight, 55L), (ZoneMultiplier, 332L), (ZoneSurcharge, 100L)], quote.Level("elta-standard").Lines());

        // dixis: 1100 + 60 = 1160 → +348 +100 = 1608; acs: 1590 + 90 = 1680 → +504 +100 = 2284.
        Assert.Equal([("elta-standard", 1537L), ("dixis-standard", 1608L), ("acs-express", 2284L)], quote.Totals());
    }

    [Fact]
    public async Task Hydra_18040_inside_the_Attica_range_is_overridden_to_a_remote_small_island_350_plus_175_plus_200_plus_250()
    {
        var quote = await Rates.QuoteOneAsync(To("18040", Parcel(1000)));

        // The override moves the code out of Attica (10000-19999) to small islands ×1.50 + 200, plus the remote 250:
        // elta 350 + 175 + 200 + 250 = 975; dixis 390 + 195 + 200 + 250 = 1035; acs 690 + 345 + 200 + 250 = 1485.
        Assert.Equal(("small-islands", true), (quote.ZoneId, quote.Remote));
        Assert.Equal([(RateComponentKind.WeightStep, 350L), (ZoneMultiplier, 175L), (ZoneSurcharge, 200L), (RemoteSurcharge, 250L)], quote.Level("elta-standard").Lines());
        Assert.Equal([("elta-standard", 975L), ("dixis-standard", 1035L), ("acs-express", 1485L)], quote.Totals());

        // dixis 1–3 days, +2 for small islands, +2 for the remote area: 5–7.
        Assert.Equal((5, 7), (quote.Level("dixis-standard").DeliveryEstimate.MinDays, quote.Level("dixis-standard").DeliveryEstimate.MaxDays));
    }

    [Fact]
    public async Task Metsovo_44200_stays_in_its_mainland_zone_and_adds_the_remote_surcharge_350_plus_50_plus_200()
    {
        var quote = await Rates.QuoteOneAsync(To("44200", Parcel(1000)));

        Assert.Equal(("mainland", true), (quote.ZoneId, quote.Remote));
        Assert.Equal([(RateComponentKind.WeightStep, 350L), (ZoneSurcharge, 50L), (RemoteSurcharge, 200L)], quote.Level("elta-standard").Lines());
        Assert.Equal("Remote area 44200 surcharge", quote.Level("elta-standard").Breakdown[2].Description);
    }

    [Fact]
    public async Task A_light_bulky_box_is_priced_by_volume_400x300x200mm_over_5000_is_4800g()
    {
        var bulky = await Rates.QuoteOneAsync(To("10558", Parcel(1500, lengthMm: 400, widthMm: 300, heightMm: 200)));

        // 400 × 300 × 200 = 24,000,000 mm³ / 5000 = 4800 g > 1500 g actual: the 5000 g step, elta 480.
        Assert.Equal((1500, 4800, 4800), (bulky.ActualWeightGrams, bulky.VolumetricWeightGrams, bulky.ChargeableWeightGrams));
        Assert.Equal([(RateComponentKind.WeightStep, 480L)], bulky.Level("elta-standard").Lines());

        // 100 × 100 × 100 / 5000 = 200 g < 1500 g: the actual weight is priced.
        var compact = await Rates.QuoteOneAsync(To("10558", Parcel(1500, lengthMm: 100, widthMm: 100, heightMm: 100)));
        Assert.Equal((200, 1500), (compact.VolumetricWeightGrams, compact.ChargeableWeightGrams));
        Assert.Equal([(RateComponentKind.WeightStep, 350L)], compact.Level("elta-standard").Lines());
    }

    [Fact]
    public async Task Goods_worth_60_EUR_ship_free_with_dixis_standard_390_minus_390_and_59_99_do_not()
    {
        var free = await Rates.QuoteOneAsync(To("10558", Parcel(1000, declaredValueCents: 6000)));

        Assert.Equal([(RateComponentKind.WeightStep, 390L), (FreeShipping, -390L)], free.Level("dixis-standard").Lines());
        Assert.Equal([("dixis-standard", 0L), ("elta-standard", 350L), ("acs-express", 690L)], free.Totals());

        var notQuite = await Rates.QuoteOneAsync(To("10558", Parcel(1000, declaredValueCents: 5999)));
        Assert.Equal([(RateComponentKind.WeightStep, 390L)], notQuite.Level("dixis-standard").Lines());
    }

    [Fact]
    public async Task Free_shipping_to_Crete_cancels_the_multiplier_too_390_plus_78_minus_468()
    {
        var quote = await Rates.QuoteOneAsync(To("71202", Parcel(1000, declaredValueCents: 8000)));

        Assert.Equal([(RateComponentKind.WeightStep, 390L), (ZoneMultiplier, 78L), (FreeShipping, -468L)], quote.Level("dixis-standard").Lines());
    }

    [Fact]
    public async Task Cash_on_delivery_leaves_only_the_couriers_that_collect_it()
    {
        var request = To("10558", Parcel(1000));
        request.CashOnDelivery = true;

        var quote = await Rates.QuoteOneAsync(request);

        Assert.Equal([("dixis-standard", 390L), ("acs-express", 690L)], quote.Totals());
        Assert.All(quote.Options, option => Assert.True(option.CashOnDeliverySupported));
    }

    [Fact]
    public async Task A_parcel_over_30kg_alone_fails_and_beside_another_gets_no_options()
    {
        // 30000 g is the maximum: elta 1050 + 10 × 55 = 1600.
        var heaviest = await Rates.QuoteOneAsync(To("10558", Parcel(30_000)));
        Assert.Equal(1600, heaviest.Level("elta-standard").Total.AmountMinor);

        var error = await RpcAssert.FailsAsync(() => Rates.QuoteRatesAsync(To("10558", Parcel(30_001)), cancellationToken: Cancellation), StatusCode.FailedPrecondition, "PARCEL_TOO_HEAVY");
        Assert.Contains("30001 g", error.Status.Detail, StringComparison.Ordinal);

        var mixed = await Rates.QuoteRatesAsync(To("10558", Parcel(1000, reference: "light"), Parcel(30_001, reference: "heavy")), cancellationToken: Cancellation);
        Assert.Equal(["light", "heavy"], mixed.Quotes.Select(q => q.Reference));
        Assert.Equal(3, mixed.Quotes[0].Options.Count);
        Assert.Equal(("PARCEL_TOO_HEAVY", 0), (mixed.Quotes[1].UnavailableReason, mixed.Quotes[1].Options.Count));
        Assert.Equal("default-gr", mixed.RateTableId);
    }

    [Fact]
    public async Task A_light_parcel_too_big_is_too_heavy_by_volume_1000x600x300mm_is_36000g()
    {
        await RpcAssert.FailsAsync(() => Rates.QuoteRatesAsync(To("10558", Parcel(2000, lengthMm: 1000, widthMm: 600, heightMm: 300)), cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "PARCEL_TOO_HEAVY");
    }

    [Theory]
    [InlineData("1055")]
    [InlineData("105588")]
    [InlineData("ABCDE")]
    public async Task A_postal_code_not_of_the_Greek_format_is_invalid(string postalCode)
    {
        await RpcAssert.InvalidFieldAsync(() => Rates.QuoteRatesAsync(To(postalCode, Parcel(1000)), cancellationToken: Cancellation), "destination_postal_code", "POSTAL_CODE_INVALID");
        await RpcAssert.FailsAsync(() => Rates.ResolveZoneAsync(new ResolveZoneRequest { PostalCode = postalCode }, cancellationToken: Cancellation), StatusCode.InvalidArgument, "POSTAL_CODE_INVALID");
    }

    [Fact]
    public async Task A_postal_code_written_with_a_space_is_the_same_code()
    {
        var quote = await Rates.QuoteOneAsync(To("105 58", Parcel(1000)));

        Assert.Equal("attica", quote.ZoneId);
    }

    [Theory]
    [InlineData("00123")]
    [InlineData("99999")]
    public async Task A_well_formed_code_no_zone_covers_is_not_served(string postalCode)
    {
        await RpcAssert.FailsAsync(() => Rates.QuoteRatesAsync(To(postalCode, Parcel(1000)), cancellationToken: Cancellation), StatusCode.FailedPrecondition, "POSTAL_CODE_NOT_SERVED");
        await RpcAssert.FailsAsync(() => Rates.ResolveZoneAsync(new ResolveZoneRequest { PostalCode = postalCode }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "POSTAL_CODE_NOT_SERVED");
    }

    [Fact]
    public async Task A_country_without_an_active_table_is_not_quoted()
    {
        var request = To("1010", Parcel(1000));
        request.DestinationRegionCode = "ZZ";

        await RpcAssert.FailsAsync(() => Rates.QuoteRatesAsync(request, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "NO_ACTIVE_RATE_TABLE");
        await RpcAssert.FailsAsync(() => Rates.ResolveZoneAsync(new ResolveZoneRequest { PostalCode = "1010", RegionCode = "ZZ" }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "NO_ACTIVE_RATE_TABLE");
    }

    [Fact]
    public async Task Malformed_requests_name_every_bad_field()
    {
        await RpcAssert.InvalidFieldAsync(() => Rates.QuoteRatesAsync(To("10558"), cancellationToken: Cancellation), "parcels");
        await RpcAssert.InvalidFieldAsync(() => Rates.QuoteRatesAsync(To("10558", [.. Enumerable.Range(0, 51).Select(_ => Parcel(1000))]), cancellationToken: Cancellation), "parcels");
        await RpcAssert.InvalidFieldAsync(() => Rates.QuoteRatesAsync(To("10558", Parcel(1000), Parcel(0)), cancellationToken: Cancellation), "parcels[1].weight_grams");
        await RpcAssert.InvalidFieldAsync(() => Rates.QuoteRatesAsync(To("10558", Parcel(1000, lengthMm: -1)), cancellationToken: Cancellation), "parcels[0].dimensions");
        await RpcAssert.InvalidFieldAsync(() => Rates.QuoteRatesAsync(To("10558", Parcel(1000, declaredValueCents: -5)), cancellationToken: Cancellation), "parcels[0].declared_value.amount_minor");
        await RpcAssert.InvalidFieldAsync(() => Rates.QuoteRatesAsync(To("", Parcel(1000)), cancellationToken: Cancellation), "destination_postal_code");

        var dollars = To("10558", Parcel(1000));
        dollars.Parcels[0].DeclaredValue = new Dixis.Contracts.Common.V1.Money { CurrencyCode = "USD", AmountMinor = 6000 };
        await RpcAssert.InvalidFieldAsync(() => Rates.QuoteRatesAsync(dollars, cancellationToken: Cancellation), "parcels[0].declared_value.currency_code");

        var badRegion = To("10558", Parcel(1000));
        badRegion.DestinationRegionCode = "Greece";
        await RpcAssert.InvalidFieldAsync(() => Rates.QuoteRatesAsync(badRegion, cancellationToken: Cancellation), "destination_region_code");
    }

    [Theory]
    [InlineData("10558", "attica", false)]
    [InlineData("54624", "thessaloniki", false)]
    [InlineData("26221", "mainland", false)]
    [InlineData("71202", "crete", false)]
    [InlineData("49100", "large-islands", false)]
    [InlineData("85100", "large-islands", false)]
    [InlineData("81100", "large-islands", false)]
    [InlineData("84100", "small-islands", false)]
    [InlineData("85111", "small-islands", true)]
    [InlineData("18010", "small-islands", false)]
    [InlineData("18040", "small-islands", true)]
    [InlineData("84007", "small-islands", true)]
    public async Task ResolveZone_places_Greek_codes_overrides_first_then_the_most_specific_pattern(string postalCode, string zone, bool remote)
    {
        // 85100 Rhodes: prefix 851* (large islands) beats 85* (small islands); 85111 Kastellorizo: its override beats both.
        var resolved = await Rates.ResolveZoneAsync(new ResolveZoneRequest { PostalCode = postalCode }, cancellationToken: Cancellation);

        Assert.Equal((zone, remote), (resolved.ZoneId, resolved.Remote));
    }

    [Fact]
    public async Task Quotes_are_public_but_naming_a_table_that_is_not_active_is_for_admins()
    {
        var quote = await Rates.QuoteOneAsync(To("10558", Parcel(1000)), CatalogCallers.Anonymous);
        Assert.Equal(3, quote.Options.Count);

        var named = To("10558", Parcel(1000));
        named.RateTableId = "default-gr";
        Assert.Equal(3, (await Rates.QuoteOneAsync(named, CatalogCallers.Customer)).Options.Count);

        named.RateTableId = "no-such-table";
        await RpcAssert.FailsAsync(() => Rates.QuoteRatesAsync(named, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.NotFound, "NOT_FOUND");
    }
}
