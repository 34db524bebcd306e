using Dixis.Shipping.Rates;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Shipping;

/// <summary>The service-level directory shipments are created with, read from the active Greek default table.</summary>
[Collection(ShippingCollection.Name)]
public sealed class ShippingServiceLevelsTests(ShippingServiceFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private IShippingServiceLevels Levels => fixture.Service.Services.GetRequiredService<IShippingServiceLevels>();

    [Fact]
    public async Task A_service_level_names_its_carrier_tracking_page_and_the_estimate_to_the_destination()
    {
        // Dixis standard: 1–3 days; Athens (Attica) adds nothing.
        var athens = await Levels.FindAsync("GR", "dixis-standard", "10558", Cancellation);

        Assert.Equal(new ServiceLevelOffer("dixis-standard", "dixis-courier", "Dixis Courier", "https://track.dixis.gr/{tracking_number}", true, 1, 3), athens);
    }

    [Fact]
    public async Task The_estimate_adds_the_zone_and_remote_area_days()
    {
        // Hydra 18040: moved to small islands (+2 days) and remote (+2 days): 1–3 → 5–7.
        var hydra = await Levels.FindAsync("GR", "dixis-standard", "180 40", Cancellation);

        Assert.NotNull(hydra);
        Assert.Equal((5, 7), (hydra.MinDays, hydra.MaxDays));
    }

    [Fact]
    public async Task Unknown_service_levels_and_regions_without_a_table_are_not_found()
    {
        Assert.Null(await Levels.FindAsync("GR", "no-such-level", "10558", Cancellation));
        Assert.Null(await Levels.FindAsync("ZZ", "dixis-standard", "10558", Cancellation));
    }

    [Fact]
    public async Task An_unplaceable_destination_gets_the_service_levels_own_estimate()
    {
        var offer = await Levels.FindAsync("GR", "acs-express", "00000", Cancellation);

        Assert.NotNull(offer);
        Assert.Equal((1, 1, false), (offer.MinDays, offer.MaxDays, offer.TrackingUriTemplate.Length == 0));
    }
}
