using Dixis.Catalog.Search;
using Dixis.Contracts.Catalog.V1;
using static Dixis.Catalog.Tests.Search.SampleCatalog;

namespace Dixis.Catalog.Tests.Search;

public sealed class FacetTests : SampleCatalogTests
{
    private static readonly long[] PriceBounds = [500, 1000, 2000];

    public static TheoryData<string, string?> Searches => new()
    {
        { string.Empty, null },
        { string.Empty, Food.Id },
        { "honey", null },
        { "ελιές", null },
        { "olive oil", Food.Id },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Each_bucket_counts_what_filtering_by_it_returns(string text, string? categoryId)
    {
        var query = new ProductSearchQuery { Text = text, CategoryId = categoryId, IncludeFacets = true, PriceBucketBounds = PriceBounds };
        var result = await Index.SearchAsync(query);
        Assert.NotEmpty(result.Facets);

        foreach (var facet in result.Facets.Where(facet => facet.Kind != FacetKind.Price))
        {
            foreach (var bucket in facet.Buckets)
            {
                var filtered = facet.Kind switch
                {
                    // Products sit in leaf categories here, so a category's own products are its subtree.
                    FacetKind.Category => query with { CategoryId = bucket.Value },
                    FacetKind.Producer => query with { ProducerIds = [bucket.Value] },
                    _ => query with { AttributeFilters = new Dictionary<string, IReadOnlyList<string>> { [facet.AttributeKey!] = [bucket.Value] } },
                };
                Assert.Equal((facet.Kind, facet.AttributeKey, bucket.Value, bucket.Count), (facet.Kind, facet.AttributeKey, bucket.Value, (await Index.SearchAsync(filtered)).TotalCount));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Facets_count_every_hit_not_only_the_page(string text, string? categoryId)
    {
        var query = new ProductSearchQuery { Text = text, CategoryId = categoryId, PageSize = 2, PriceBucketBounds = PriceBounds };
        var facets = (await Index.SearchAsync(query with { IncludeFacets = true })).Facets;
        var hits = new List<ProductSummary>();
        string? cursor = null;
        do
        {
            var page = await Index.SearchAsync(query with { Cursor = cursor });
            hits.AddRange(page.Hits);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Counts(hits.GroupBy(hit => hit.CategoryId)), Counts(facets.Single(facet => facet.Kind == FacetKind.Category)));
        Assert.Equal(Counts(hits.GroupBy(hit => hit.ProducerId)), Counts(facets.Single(facet => facet.Kind == FacetKind.Producer)));
        Assert.Equal(Counts(hits.GroupBy(hit => PriceBucket(hit.MinPrice.AmountMinor))), Counts(facets.Single(facet => facet.Kind == FacetKind.Price)));
    }

    [Fact]
    public async Task Buckets_come_largest_first_and_are_capped()
    {
        var facets = (await Index.SearchAsync(new ProductSearchQuery { IncludeFacets = true, MaxFacetValues = 2 })).Facets;

        var regions = facets.Single(facet => facet is { Kind: FacetKind.Attribute, AttributeKey: "origin_region" });
        Assert.Equal([("peloponnese", 6L), ("crete", 3L)], regions.Buckets.Select(bucket => (bucket.Value, bucket.Count)));
        Assert.All(facets.Where(facet => facet.Kind != FacetKind.Price), facet => Assert.True(facet.Buckets.Count <= 2));
        var producers = facets.Single(facet => facet.Kind == FacetKind.Producer);
        Assert.Equal([(CretanGrove.Id, 3L), (KalamataGroves.Id, 2L)], producers.Buckets.Select(bucket => (bucket.Value, bucket.Count)));
    }

    [Fact]
    public async Task Each_attribute_key_present_has_a_facet_with_labels()
    {
        var facets = (await Index.SearchAsync(new ProductSearchQuery { Text = "feta", IncludeFacets = true })).Facets;

        Assert.Equal(["origin_region", "pdo"], facets.Where(facet => facet.Kind == FacetKind.Attribute).Select(facet => facet.AttributeKey));
        var region = facets.Single(facet => facet.AttributeKey == "origin_region").Buckets.Single();
        Assert.Equal(("epirus", 1L, "Ήπειρος", "Epirus"), (region.Value, region.Count, region.Label!["el"], region.Label["en"]));
        var producer = facets.Single(facet => facet.Kind == FacetKind.Producer).Buckets.Single();
        Assert.Equal((EpirusDairy.Id, "Τυροκομείο Ηπείρου"), (producer.Value, producer.Label!["el"]));
        var category = facets.Single(facet => facet.Kind == FacetKind.Category).Buckets.Single();
        Assert.Equal((Cheese.Id, "Τυριά", "Cheese"), (category.Value, category.Label!["el"], category.Label["en"]));
    }

    [Fact]
    public async Task Price_buckets_are_ascending_ranges_without_empty_ones()
    {
        var query = new ProductSearchQuery { IncludeFacets = true, PriceBucketBounds = [500, 1000, 2000, 5000] };

        var price = (await Index.SearchAsync(query)).Facets.Single(facet => facet.Kind == FacetKind.Price);

        // Minimum prices: 350 420 450 | 520 690 800 950 | 1100 1250 1500 1800 | (none at 2000 or more).
        Assert.Equal([("-500", 3L), ("500-1000", 4L), ("1000-2000", 4L)], price.Buckets.Select(bucket => (bucket.Value, bucket.Count)));
        Assert.All(price.Buckets, bucket => Assert.Null(bucket.Label));
    }

    [Fact]
    public async Task Deleted_and_changed_products_leave_the_counts_and_a_renamed_producer_shows_its_new_name()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await Index.Index.DeleteAsync([ThymeHoney.ProductId], cancellationToken);
        var renamed = EpirusFeta with
        {
            ProducerName = "Τυροκομείο Ζαγορίου",
            Attributes = [Epirus],
            Summary = new ProductSummary(EpirusFeta.Summary) { ProducerName = "Τυροκομείο Ζαγορίου" },
        };
        await Index.Index.UpsertAsync([renamed], cancellationToken);
        await Index.Index.RefreshAsync(cancellationToken);

        var facets = (await Index.SearchAsync(new ProductSearchQuery { IncludeFacets = true })).Facets;

        var honey = facets.Single(facet => facet.Kind == FacetKind.Category).Buckets.Single(bucket => bucket.Value == Honey.Id);
        Assert.Equal(1, honey.Count);
        Assert.Equal(5, facets.Single(facet => facet.AttributeKey == "origin_region").Buckets.Single(bucket => bucket.Value == "peloponnese").Count);
        Assert.Equal(2, facets.Single(facet => facet.AttributeKey == "pdo").Buckets.Single().Count);
        var dairy = facets.Single(facet => facet.Kind == FacetKind.Producer).Buckets.Single(bucket => bucket.Value == EpirusDairy.Id);
        Assert.Equal("Τυροκομείο Ζαγορίου", dairy.Label!["el"]);
        Assert.Equal(All.Count - 1, (await Index.SearchAsync(new ProductSearchQuery { IncludeFacets = true })).TotalCount);
    }

    [Fact]
    public async Task Products_with_many_attributes_count_every_one_of_them()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        SearchAttribute[] labels = [Organic, Pdo, Attribute("pgi", "true", "ΠΓΕ", "PGI"), Attribute("vegan", "true", "Vegan", "Vegan"), Attribute("harvest", "2025", "2025", "2025")];
        var documents = Enumerable.Range(0, labels.Length + 1)
            .Select(count => Product($"p-labelled-{count}", $"Μέλι ετικέτες {count}", $"Labelled honey {count}", Honey, TaygetosBees, [700], publishedDay: 20 + count, attributes: [Crete, .. labels.Take(count)]))
            .ToArray();
        await Index.Index.UpsertAsync(documents, cancellationToken);
        await Index.Index.RefreshAsync(cancellationToken);

        var facets = (await Index.SearchAsync(new ProductSearchQuery { Text = "ετικέτες", IncludeFacets = true })).Facets;

        // Product i carries Crete and the first i labels: label k is on the products from k + 1 on.
        Assert.Equal(documents.Length, facets.Single(facet => facet.AttributeKey == "origin_region").Buckets.Single().Count);
        for (var label = 0; label < labels.Length; label++)
        {
            Assert.Equal(labels.Length - label, facets.Single(facet => facet.AttributeKey == labels[label].Key).Buckets.Single().Count);
        }
    }

    [Fact]
    public async Task Without_bounds_there_is_no_price_facet_and_without_the_flag_no_facets()
    {
        Assert.DoesNotContain((await Index.SearchAsync(new ProductSearchQuery { IncludeFacets = true })).Facets, facet => facet.Kind == FacetKind.Price);
        Assert.Empty((await Index.SearchAsync(new ProductSearchQuery { PriceBucketBounds = PriceBounds })).Facets);
        Assert.Empty((await Index.SearchAsync(new ProductSearchQuery { Text = "nothing-like-this", IncludeFacets = true, PriceBucketBounds = PriceBounds })).Facets);
    }

    private static string PriceBucket(long price) => price switch
    {
        < 500 => "-500",
        < 1000 => "500-1000",
        < 2000 => "1000-2000",
        _ => "2000-",
    };

    private static Dictionary<string, long> Counts(IEnumerable<IGrouping<string, ProductSummary>> groups) =>
        groups.ToDictionary(group => group.Key, group => (long)group.Count());

    private static Dictionary<string, long> Counts(SearchFacet facet) =>
        facet.Buckets.ToDictionary(bucket => bucket.Value, bucket => bucket.Count);
}
