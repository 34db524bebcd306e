using Dixis.Catalog.Search;
using Dixis.Catalog.Search.Lucene;
using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dixis.Services.Tests.Catalog;

/// <summary>
/// The real synchronizer compacts the search index once writes pause after enough changes, so that a bulk import
/// does not leave every later search reading a dozen segments; a compaction that fails costs nothing else.
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

    [Fact]
    public async Task A_failing_compaction_with_a_fake_full_disk_is_committed_past_and_waits_for_the_next_burst_of_writes()
    {
        await using var catalog = DixisServices.Start("catalog", new ServiceSettings
        {
            Values = new(CatalogSettings.WithoutDemoProductsValues) { ["Catalog:Search:CompactAfterChanges"] = $"{Products}" },
            Services = services =>
            {
                services.RemoveAll<IProductSearchIndex>();
                services.AddSingleton<LuceneProductSearchIndex>();
                services.AddSingleton(provider => new CompactionFailingSearchIndex(provider.GetRequiredService<LuceneProductSearchIndex>()));
                services.AddSingleton<IProductSearchIndex>(provider => provider.GetRequiredService<CompactionFailingSearchIndex>());
            },
        });
        using var channel = catalog.CreateGrpcChannel();
        var api = new CatalogApi(channel);
        await api.WaitForSearchIndexAsync(Cancellation);
        var index = catalog.Services.GetRequiredService<CompactionFailingSearchIndex>();
        var producer = await api.NewProducerAsync();
        var category = await api.CategoryAsync("feta");
        var query = new SearchProductsRequest { ProducerIds = { producer.Id }, PageSize = 50 };

        for (var count = 1; count <= Products; count++)
        {
            await api.CreateProductAsync(producer, category);
        }

        await api.SearchUntilAsync(query, found => found.TotalSize == Products);
        await Eventually.ReadAsync(() => Task.FromResult(index.CompactionAttempts), attempts => attempts == 1);

        // Quiet passes run every 200 ms here: over two seconds, none tries again, and the failed one was committed past.
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        Assert.Equal(1, index.CompactionAttempts);
        var calls = index.Calls.ToList();
        Assert.Equal("commit", calls[calls.IndexOf("compact") + 1]);
        Assert.Equal(Products, (await api.Search.SearchProductsAsync(query, cancellationToken: Cancellation)).TotalSize);

        // The next burst of writes is compacted again.
        for (var count = 1; count <= Products; count++)
        {
            await api.CreateProductAsync(producer, category);
        }

        await api.SearchUntilAsync(query, found => found.TotalSize == 2 * Products);
        await Eventually.ReadAsync(() => Task.FromResult(index.CompactionAttempts), attempts => attempts == 2);
    }
}
