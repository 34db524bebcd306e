using Dixis.Catalog.Search;
using static Dixis.Catalog.Tests.Search.SampleCatalog;

namespace Dixis.Catalog.Tests.Search;

public sealed class FilterTests : SampleCatalogTests
{
    [Fact]
    public async Task A_category_filter_takes_its_whole_subtree()
    {
        Assert.Equal(["p-wine-assyrtiko", "p-wine-rose"], await Ids(new ProductSearchQuery { CategoryId = Drinks.Id }));
        Assert.Equal(["p-oil-crete", "p-oil-laconia"], await Ids(new ProductSearchQuery { CategoryId = Oils.Id }));
        Assert.Equal(All.Count - 2, (await Index.IdsAsync(new ProductSearchQuery { CategoryId = Food.Id })).Count);
        Assert.Empty(await Index.IdsAsync(new ProductSearchQuery { CategoryId = "no-such-category" }));
    }

    [Fact]
    public async Task A_producer_filter_takes_any_of_the_producers()
    {
        var ids = await Ids(new ProductSearchQuery { ProducerIds = [EpirusDairy.Id, SantoWines.Id] });

        Assert.Equal(["p-feta", "p-wine-assyrtiko", "p-wine-rose"], ids);
    }

    [Fact]
    public async Task A_price_range_keeps_products_with_a_variant_in_it()
    {
        // The Cretan oil starts at 12.50 but its litre costs 22.00; the Laconian oil's variants (15.00, 27.00) are both outside.
        Assert.Equal(["p-oil-crete"], await Ids(new ProductSearchQuery { MinPriceMinor = 2000, MaxPriceMinor = 2500 }));

        // The Laconian oil has a variant below 23.00 and one above 26.00, but none between: it is left out.
        Assert.Empty(await Ids(new ProductSearchQuery { MinPriceMinor = 2300, MaxPriceMinor = 2600, CategoryId = Oils.Id }));

        // Bounds are inclusive, and either may be left open.
        Assert.Equal(["p-feta"], await Ids(new ProductSearchQuery { MinPriceMinor = 690, MaxPriceMinor = 690 }));
        Assert.Equal(["p-oil-laconia"], await Ids(new ProductSearchQuery { MinPriceMinor = 2300 }));
        Assert.Equal(["p-thyme"], await Ids(new ProductSearchQuery { MaxPriceMinor = 400 }));
    }

    [Fact]
    public async Task Attribute_values_of_one_key_are_alternatives_and_keys_all_apply()
    {
        var cretanOrSantorinian = new ProductSearchQuery
        {
            AttributeFilters = new Dictionary<string, IReadOnlyList<string>> { ["origin_region"] = ["crete", "santorini"] },
        };
        var pdoToo = cretanOrSantorinian with
        {
            AttributeFilters = new Dictionary<string, IReadOnlyList<string>> { ["origin_region"] = ["crete", "santorini"], ["pdo"] = ["true"] },
        };

        Assert.Equal(["p-oil-crete", "p-salt-pepper", "p-thyme", "p-wine-assyrtiko"], await Ids(cretanOrSantorinian));
        Assert.Equal(["p-wine-assyrtiko"], await Ids(pdoToo));
    }

    [Fact]
    public async Task In_stock_only_leaves_out_products_without_stock()
    {
        var ids = await Ids(new ProductSearchQuery { InStockOnly = true });

        Assert.DoesNotContain("p-oil-laconia", ids);
        Assert.Equal(All.Count - 1, ids.Count);
    }

    [Fact]
    public async Task Filters_combine_with_the_text()
    {
        var query = new ProductSearchQuery
        {
            Text = "ελαιόλαδο",
            InStockOnly = true,
            AttributeFilters = new Dictionary<string, IReadOnlyList<string>> { ["organic"] = ["true"] },
        };

        Assert.Equal(["p-oil-crete"], await Ids(query));
    }

    private async Task<IReadOnlyList<string>> Ids(ProductSearchQuery query) => [.. (await Index.IdsAsync(query)).Order(StringComparer.Ordinal)];
}
