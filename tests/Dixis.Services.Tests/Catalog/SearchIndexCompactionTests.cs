using Dixis.Catalog.Search;
using Dixis.Catalog.Search.Lucene;
using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Catalog;

/// <summary>
/// The real synchronizer compacts the search index once writes pause after enough changes, so that a bulk import
/// does not leave every later search reading a dozen segments.
/// </summary>
public sealed class SearchIndexCompactionTests
{
    private const int Products = 6;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Products_indexed_pass_by_pass_end_in_one_segment_once_writes_pause_and_all_stay_findable()
    {
        await using var catalog = DixisServices.Start("catalog", new ServiceSettings
        {
            Values = new(CatalogSettings.WithoutDemoProductsValues) { ["Catalog:Search:CompactAfterChanges"] = $"{Products}" },
        });
        using var channel = catalog.CreateGrpcChannel();
        var api = new CatalogApi(channel);
        await api.WaitForSearchIndexAsync(Cancellation);
        var index = (LuceneProductSearchIndex)catalog.Services.GetRequiredService<IProductSearchIndex>();
        var producer = await api.NewProducerAsync();
        var category = await api.CategoryAsync("feta");
        var query = new SearchProductsRequest { ProducerIds = { producer.Id }, PageSize = 50 };

        var segmentsSeen = 0;
        for (var count = 1; count <= Products; count++)
        {
            // One at a time, each searchable before the next: each sync pass writes its own segment.
            await api.CreateProductAsync(producer, category);
            await api.SearchUntilAsync(query, found => found.TotalSize == count);
            segmentsSeen = Math.Max(segmentsSeen, index.SegmentCount);
        }

        Assert.True(segmentsSeen > 1, $"the passes should have written several segments; saw at most {segmentsSeen}");
        await Eventually.ReadAsync(() => Task.FromResult(index.SegmentCount), segments => segments == 1);
        Assert.Equal(Products, (await api.Search.SearchProductsAsync(query, cancellationToken: Cancellation)).TotalSize);
    }
}
