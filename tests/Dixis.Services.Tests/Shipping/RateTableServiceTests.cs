using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Catalog;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Dixis.Services.Tests.Shipping.RateQuoting;

namespace Dixis.Services.Tests.Shipping;

/// <summary><c>RateTableService</c> on the real shipping service: every method's success and failure paths. Each test uses a region of its own.</summary>
[Collection(ShippingCollection.Name)]
public sealed class RateTableServiceTests(ShippingServiceFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private RateTableService.RateTableServiceClient Tables => fixture.RateTables;

    private Task<RateTable> CreateAsync(RateTable table) =>
        Tables.CreateRateTableAsync(new CreateRateTableRequest { RateTable = table }, CatalogCallers.Admin, cancellationToken: Cancellation).ResponseAsync;

    private Task<RateTable> ActivateAsync(string id) =>
        Tables.ActivateRateTableAsync(new ActivateRateTableRequest { RateTableId = id }, CatalogCallers.Admin, cancellationToken: Cancellation).ResponseAsync;

    private Task<RateTable> GetAsync(string id) =>
        Tables.GetRateTableAsync(new GetRateTableRequest { RateTableId = id }, CatalogCallers.Admin, cancellationToken: Cancellation).ResponseAsync;

    private static QuoteRatesRequest ToRegion(string region, string postalCode, int grams, string rateTableId = "")
    {
        var request = To(postalCode, Parcel(grams));
        request.DestinationRegionCode = region;
        request.RateTableId = rateTableId;
        return request;
    }

    [Fact]
    public async Task The_Greek_default_table_is_seeded_active_at_first_start()
    {
        var table = await GetAsync("default-gr");

        Assert.Equal((RateTableState.Active, "GR", "EUR", 5000, 30_000, "^[0-9]{5}$"),
            (table.State, table.RegionCode, table.CurrencyCode, table.VolumetricDivisor, table.MaxWeightGrams, table.PostalCodeFormat));
        Assert.Equal(["attica", "thessaloniki", "mainland", "crete", "large-islands", "small-islands"], table.Zones.Select(z => z.Id));
        Assert.Equal(["dixis-courier", "acs", "elta"], table.Carriers.Select(c => c.Id));
        Assert.Equal(6000, table.ServiceLevels.Single(l => l.Id == "dixis-standard").FreeShippingThreshold.AmountMinor);
        Assert.NotEmpty(table.Etag);
    }

    [Fact]
    public async Task A_created_table_is_a_draft_readable_by_id_and_only_administrators_manage_tables()
    {
        var created = await CreateAsync(TestRateTables.Small("XA"));

        Assert.Equal(RateTableState.Draft, created.State);
        Assert.NotEmpty(created.Id);
        Assert.NotEmpty(created.Etag);
        Assert.NotNull(created.CreateTime);
        var read = await GetAsync(created.Id);
        Assert.Equal(created, read);
        Assert.Equal(900, read.ServiceLevels[0].WeightSteps[1].Price.AmountMinor);

        var request = new CreateRateTableRequest { RateTable = TestRateTables.Small("XA") };
        await RpcAssert.FailsAsync(() => Tables.CreateRateTableAsync(request, CatalogCallers.Customer, cancellationToken: Cancellation), StatusCode.PermissionDenied);
        await RpcAssert.FailsAsync(() => Tables.CreateRateTableAsync(request, CatalogCallers.Anonymous, cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.FailsAsync(() => Tables.GetRateTableAsync(new GetRateTableRequest { RateTableId = created.Id }, CatalogCallers.Producer("p-1"), cancellationToken: Cancellation), StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task An_inconsistent_table_is_refused_with_every_problem_named()
    {
        var table = TestRateTables.Small("XA");
        var level = table.ServiceLevels[0];
        level.WeightSteps.Add(TestRateTables.Step(3000, 700));                        // below the previous 5000 g
        level.CarrierId = "courier-nobody-knows";
        table.Zones[0].PostalCodePatterns.Add("1*2");                                  // not a pattern
        table.Zones[1].PostalCodePatterns.Add("2999-2000");                            // empty range
        table.Zones[1].Surcharge = TestRateTables.Eur(-50);                            // negative
        table.Zones[0].Surcharge = new Dixis.Contracts.Common.V1.Money { CurrencyCode = "USD", AmountMinor = 10 };
        table.PostalCodeOverrides.Add(new PostalCodeOverride { PostalCode = "1234", ZoneId = "west" });

        var error = await RpcAssert.FailsAsync(() => Tables.CreateRateTableAsync(new CreateRateTableRequest { RateTable = table }, CatalogCallers.Admin, cancellationToken: Cancellation),
            StatusCode.InvalidArgument, "RATE_TABLE_INVALID");

        foreach (var field in new[]
        {
            "rate_table.service_levels[0].weight_steps[2].max_weight_grams",
            "rate_table.service_levels[0].carrier_id",
            "rate_table.zones[0].postal_code_patterns[1]",
            "rate_table.zones[1].postal_code_patterns[1]",
            "rate_table.zones[1].surcharge.amount_minor",
            "rate_table.zones[0].surcharge.currency_code",
            "rate_table.postal_code_overrides[0].zone_id",
        })
        {
            Assert.Equal("RATE_TABLE_INVALID", RpcAssert.Violation(error, field).Reason);
        }
    }

    [Fact]
    public async Task A_bad_postal_format_and_missing_parts_are_refused()
    {
        var badFormat = TestRateTables.Small("XA");
        badFormat.PostalCodeFormat = "^[0-9{4}$";
        await RpcAssert.InvalidFieldAsync(() => Tables.CreateRateTableAsync(new CreateRateTableRequest { RateTable = badFormat }, CatalogCallers.Admin, cancellationToken: Cancellation),
            "rate_table.postal_code_format", "RATE_TABLE_INVALID");

        var overrideOffFormat = TestRateTables.Small("XA");
        overrideOffFormat.PostalCodeOverrides.Add(new PostalCodeOverride { PostalCode = "12345", Remote = true });
        await RpcAssert.InvalidFieldAsync(() => Tables.CreateRateTableAsync(new CreateRateTableRequest { RateTable = overrideOffFormat }, CatalogCallers.Admin, cancellationToken: Cancellation),
            "rate_table.postal_code_overrides[0].postal_code", "RATE_TABLE_INVALID");

        var unpriced = TestRateTables.Small("XA");
        unpriced.ServiceLevels[0].ExtraWeightStepGrams = 0;                            // nothing prices 5001–10000 g
        await RpcAssert.InvalidFieldAsync(() => Tables.CreateRateTableAsync(new CreateRateTableRequest { RateTable = unpriced }, CatalogCallers.Admin, cancellationToken: Cancellation),
            "rate_table.service_levels[0].extra_weight_step_grams", "RATE_TABLE_INVALID");

        var empty = new RateTable { RegionCode = "XA" };
        var error = await RpcAssert.FailsAsync(() => Tables.CreateRateTableAsync(new CreateRateTableRequest { RateTable = empty }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.InvalidArgument, "RATE_TABLE_INVALID");
        foreach (var field in new[] { "rate_table.display_name", "rate_table.carriers", "rate_table.service_levels", "rate_table.zones", "rate_table.max_weight_grams", "rate_table.postal_code_format" })
        {
            RpcAssert.Violation(error, field, "RATE_TABLE_INVALID");
        }
    }

    [Fact]
    public async Task Get_of_an_unknown_or_missing_id_fails()
    {
        await RpcAssert.FailsAsync(() => Tables.GetRateTableAsync(new GetRateTableRequest { RateTableId = "nope" }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.NotFound, "NOT_FOUND");
        await RpcAssert.InvalidFieldAsync(() => Tables.GetRateTableAsync(new GetRateTableRequest(), CatalogCallers.Admin, cancellationToken: Cancellation), "rate_table_id");
    }

    [Fact]
    public async Task Lists_are_newest_first_paged_and_filtered_by_region()
    {
        var first = await CreateAsync(TestRateTables.Small("XL", "first"));
        var second = await CreateAsync(TestRateTables.Small("XL", "second"));
        var third = await CreateAsync(TestRateTables.Small("XL", "third"));

        var page1 = await Tables.ListRateTablesAsync(new ListRateTablesRequest { RegionCode = "XL", PageSize = 2 }, CatalogCallers.Admin, cancellationToken: Cancellation);
        Assert.Equal([third.Id, second.Id], page1.RateTables.Select(t => t.Id));
        Assert.NotEmpty(page1.NextPageToken);
        var page2 = await Tables.ListRateTablesAsync(new ListRateTablesRequest { RegionCode = "XL", PageSize = 2, PageToken = page1.NextPageToken }, CatalogCallers.Admin, cancellationToken: Cancellation);
        Assert.Equal([first.Id], page2.RateTables.Select(t => t.Id));
        Assert.Empty(page2.NextPageToken);

        var all = await Tables.ListRateTablesAsync(new ListRateTablesRequest { PageSize = 100 }, CatalogCallers.Admin, cancellationToken: Cancellation);
        Assert.Contains(all.RateTables, t => t.Id == "default-gr");

        await RpcAssert.InvalidFieldAsync(() => Tables.ListRateTablesAsync(new ListRateTablesRequest { PageSize = 101 }, CatalogCallers.Admin, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
        await RpcAssert.InvalidFieldAsync(() => Tables.ListRateTablesAsync(new ListRateTablesRequest { RegionCode = "Greece" }, CatalogCallers.Admin, cancellationToken: Cancellation), "region_code");
        await RpcAssert.InvalidFieldAsync(() => Tables.ListRateTablesAsync(new ListRateTablesRequest { RegionCode = "GR", PageToken = page1.NextPageToken }, CatalogCallers.Admin, cancellationToken: Cancellation), "page_token", "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task Update_changes_the_masked_fields_checks_the_etag_and_validates_the_result()
    {
        var created = await CreateAsync(TestRateTables.Small("XU"));
        var mask = new FieldMask { Paths = { "display_name", "max_weight_grams" } };

        var updated = await Tables.UpdateRateTableAsync(new UpdateRateTableRequest
        {
            RateTable = new RateTable { Id = created.Id, DisplayName = "Renamed", MaxWeightGrams = 8000, Etag = created.Etag, CurrencyCode = "USD" },
            UpdateMask = mask,
        }, CatalogCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal(("Renamed", 8000, "EUR", 2), (updated.DisplayName, updated.MaxWeightGrams, updated.CurrencyCode, updated.Zones.Count));
        Assert.NotEqual(created.Etag, updated.Etag);

        await RpcAssert.FailsAsync(() => Tables.UpdateRateTableAsync(new UpdateRateTableRequest { RateTable = new RateTable { Id = created.Id, DisplayName = "Stale", Etag = created.Etag }, UpdateMask = new FieldMask { Paths = { "display_name" } } }, CatalogCallers.Admin, cancellationToken: Cancellation),
            StatusCode.Aborted, "ETAG_MISMATCH");
        await RpcAssert.FailsAsync(() => Tables.UpdateRateTableAsync(new UpdateRateTableRequest { RateTable = new RateTable { Id = created.Id } }, CatalogCallers.Admin, cancellationToken: Cancellation),
            StatusCode.InvalidArgument);
        var notWritable = await RpcAssert.FailsAsync(() => Tables.UpdateRateTableAsync(new UpdateRateTableRequest { RateTable = new RateTable { Id = created.Id, State = RateTableState.Active }, UpdateMask = new FieldMask { Paths = { "state" } } }, CatalogCallers.Admin, cancellationToken: Cancellation),
            StatusCode.InvalidArgument, "FIELD_NOT_WRITABLE");
        RpcAssert.Violation(notWritable, "update_mask");
        await RpcAssert.InvalidFieldAsync(() => Tables.UpdateRateTableAsync(new UpdateRateTableRequest { RateTable = new RateTable { Id = created.Id, MaxWeightGrams = -1 }, UpdateMask = new FieldMask { Paths = { "max_weight_grams" } } }, CatalogCallers.Admin, cancellationToken: Cancellation),
            "rate_table.max_weight_grams", "RATE_TABLE_INVALID");
        await RpcAssert.FailsAsync(() => Tables.UpdateRateTableAsync(new UpdateRateTableRequest { RateTable = new RateTable { Id = "nope", DisplayName = "x" }, UpdateMask = new FieldMask { Paths = { "display_name" } } }, CatalogCallers.Admin, cancellationToken: Cancellation),
            StatusCode.NotFound, "NOT_FOUND");
        await RpcAssert.FailsAsync(() => Tables.UpdateRateTableAsync(new UpdateRateTableRequest { RateTable = new RateTable { Id = created.Id, DisplayName = "x" }, UpdateMask = new FieldMask { Paths = { "display_name" } } }, CatalogCallers.Customer, cancellationToken: Cancellation),
            StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task Activation_swaps_the_regions_tables_and_quotes_follow_at_once()
    {
        var first = await CreateAsync(TestRateTables.Small("XB", "first"));
        var secondTable = TestRateTables.Small("XB", "second");
        secondTable.ServiceLevels[0].WeightSteps[0].Price = TestRateTables.Eur(450);
        var second = await CreateAsync(secondTable);
        await RpcAssert.FailsAsync(() => fixture.Rates.QuoteRatesAsync(ToRegion("XB", "1234", 800), cancellationToken: Cancellation), StatusCode.FailedPrecondition, "NO_ACTIVE_RATE_TABLE");

        Assert.Equal(RateTableState.Active, (await ActivateAsync(first.Id)).State);
        var fromFirst = await fixture.Rates.QuoteRatesAsync(ToRegion("XB", "1234", 800), cancellationToken: Cancellation);
        Assert.Equal((first.Id, 500L), (fromFirst.RateTableId, fromFirst.Quotes[0].Options[0].Total.AmountMinor));

        Assert.Equal(RateTableState.Active, (await ActivateAsync(second.Id)).State);
        Assert.Equal(RateTableState.Retired, (await GetAsync(first.Id)).State);
        var fromSecond = await fixture.Rates.QuoteRatesAsync(ToRegion("XB", "1234", 800), cancellationToken: Cancellation);
        Assert.Equal((second.Id, 450L), (fromSecond.RateTableId, fromSecond.Quotes[0].Options[0].Total.AmountMinor));

        // Activating the active table again changes nothing; the Greek table is untouched by another region's swap.
        Assert.Equal(RateTableState.Active, (await ActivateAsync(second.Id)).State);
        Assert.Equal(RateTableState.Active, (await GetAsync("default-gr")).State);
        await RpcAssert.FailsAsync(() => Tables.ActivateRateTableAsync(new ActivateRateTableRequest { RateTableId = "nope" }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Changes_to_the_active_table_apply_to_the_next_quote()
    {
        var table = await ActivateAsync((await CreateAsync(TestRateTables.Small("XC"))).Id);
        var zones = TestRateTables.Small("XC").Zones;
        zones[0].Surcharge = TestRateTables.Eur(30);
        var edit = new RateTable { Id = table.Id, Etag = table.Etag };
        edit.Zones.AddRange(zones);

        await Tables.UpdateRateTableAsync(new UpdateRateTableRequest { RateTable = edit, UpdateMask = new FieldMask { Paths = { "zones" } } }, CatalogCallers.Admin, cancellationToken: Cancellation);

        // north: 500 for 800 g, now + 30 zone surcharge.
        var quote = await fixture.Rates.QuoteRatesAsync(ToRegion("XC", "1234", 800), cancellationToken: Cancellation);
        Assert.Equal(530, quote.Quotes[0].Options[0].Total.AmountMinor);
    }

    [Fact]
    public async Task The_active_table_cannot_be_deleted_but_drafts_and_retired_ones_can()
    {
        var retiring = await ActivateAsync((await CreateAsync(TestRateTables.Small("XD"))).Id);
        await RpcAssert.FailsAsync(() => Tables.DeleteRateTableAsync(new DeleteRateTableRequest { RateTableId = retiring.Id }, CatalogCallers.Admin, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "RATE_TABLE_ACTIVE");
        await ActivateAsync((await CreateAsync(TestRateTables.Small("XD"))).Id);

        await Tables.DeleteRateTableAsync(new DeleteRateTableRequest { RateTableId = retiring.Id }, CatalogCallers.Admin, cancellationToken: Cancellation);
        var draft = await CreateAsync(TestRateTables.Small("XD"));
        await Tables.DeleteRateTableAsync(new DeleteRateTableRequest { RateTableId = draft.Id }, CatalogCallers.Admin, cancellationToken: Cancellation);

        await RpcAssert.FailsAsync(() => Tables.GetRateTableAsync(new GetRateTableRequest { RateTableId = retiring.Id }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.NotFound);
        await RpcAssert.FailsAsync(() => Tables.DeleteRateTableAsync(new DeleteRateTableRequest { RateTableId = draft.Id }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.NotFound, "NOT_FOUND");
        await RpcAssert.FailsAsync(() => Tables.DeleteRateTableAsync(new DeleteRateTableRequest { RateTableId = "default-gr" }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "RATE_TABLE_ACTIVE");
    }

    [Fact]
    public async Task An_administrator_quotes_a_draft_by_id_south_800g_is_500_plus_500_plus_50()
    {
        var draft = await CreateAsync(TestRateTables.Small("XE"));

        // south: ×2 doubles the 500 step (+500) and adds its 50 surcharge: 1050.
        var quote = await fixture.Rates.QuoteOneAsync(ToRegion("XE", "2345", 800, draft.Id), CatalogCallers.Admin);
        Assert.Equal([(RateComponentKind.WeightStep, 500L), (RateComponentKind.ZoneMultiplier, 500L), (RateComponentKind.ZoneSurcharge, 50L)], quote.Options[0].Lines());

        // The draft is no one else's business, and no table is active in its region yet.
        await RpcAssert.FailsAsync(() => fixture.Rates.QuoteRatesAsync(ToRegion("XE", "2345", 800, draft.Id), CatalogCallers.Customer, cancellationToken: Cancellation), StatusCode.NotFound, "NOT_FOUND");
        await RpcAssert.FailsAsync(() => fixture.Rates.QuoteRatesAsync(ToRegion("XE", "2345", 800), CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "NO_ACTIVE_RATE_TABLE");
        await RpcAssert.InvalidFieldAsync(() => fixture.Rates.QuoteRatesAsync(ToRegion("GR", "2345", 800, draft.Id), CatalogCallers.Admin, cancellationToken: Cancellation), "destination_region_code");
    }
}
