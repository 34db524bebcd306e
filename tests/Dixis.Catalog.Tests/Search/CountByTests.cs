using Dixis.Catalog.Search;
using static Dixis.Catalog.Tests.Search.SampleCatalog;

namespace Dixis.Catalog.Tests.Search;

public sealed class CountByTests
{
    [Fact]
    public async Task Products_are_counted_per_producer()
    {
        await using var index = await TemporarySearchIndex.OpenAsync(All);

        var counts = await index.Index.CountByAsync(SearchCountDimension.Producer, TestContext.Current.CancellationToken);

        Assert.Equal(
            new Dictionary<string, long>
            {
                [CretanGrove.Id] = 3,
                [LaconianOils.Id] = 1,
                [TaygetosBees.Id] = 2,
                [EpirusDairy.Id] = 1,
                [KalamataGroves.Id] = 2,
                [SantoWines.Id] = 2,
            },
            counts);
    }

    [Fact]
    public async Task A_category_counts_the_products_of_its_whole_subtree()
    {
        await using var index = await TemporarySearchIndex.OpenAsync(All);

        var counts = await index.Index.CountByAsync(SearchCountDimension.CategorySubtree, TestContext.Current.CancellationToken);

        Assert.Equal(9, counts[Food.Id]);
        Assert.Equal(2, counts[Oils.Id]);
        Assert.Equal(2, counts[OliveOil.Id]);
        Assert.Equal(2, counts[Drinks.Id]);
        Assert.Equal(2, counts[Wine.Id]);
        Assert.Equal(1, counts[Cheese.Id]);
        Assert.Equal(9, counts.Count);
    }

    [Fact]
    public async Task Counts_follow_deletes_and_moves()
    {
        await using var index = await TemporarySearchIndex.OpenAsync(All);
        var cancellationToken = TestContext.Current.CancellationToken;

        await index.Index.DeleteAsync([RoseWine.ProductId, "p-unknown"], cancellationToken);
        await index.Index.UpsertAsync([Product(Assyrtiko.ProductId, "Ασύρτικο", "Assyrtiko", OliveOil, CretanGrove, [1800], publishedDay: 10)], cancellationToken);
        await index.Index.RefreshAsync(cancellationToken);
        var categories = await index.Index.CountByAsync(SearchCountDimension.CategorySubtree, cancellationToken);
        var producers = await index.Index.CountByAsync(SearchCountDimension.Producer, cancellationToken);

        Assert.False(categories.ContainsKey(Drinks.Id));
        Assert.Equal(3, categories[Oils.Id]);
        Assert.Equal(4, producers[CretanGrove.Id]);
        Assert.False(producers.ContainsKey(SantoWines.Id));
    }
}
