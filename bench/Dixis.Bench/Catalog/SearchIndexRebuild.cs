using Dixis.Bench.Processes;
using Dixis.Catalog.Loading;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Bench.Catalog;

/// <summary>
/// Measures one <c>SearchService/RebuildSearchIndex</c>: starts it straight on Catalog as admin, then polls
/// <c>GetSearchIndex</c> until the index is ready with a rebuild newer than the one before, and reports the
/// catalog's own <c>last_rebuild_duration</c>.
/// </summary>
public sealed class SearchIndexRebuild(TimeProvider timeProvider)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(10);

    public async Task<RebuildFigures> MeasureAsync(Uri catalogGrpc, CallerIdentity admin, MeasuredProcess catalogProcess, CancellationToken cancellationToken)
    {
        using var catalog = new CatalogConnection(catalogGrpc, admin, timeProvider);
        try
        {
            var before = await catalog.Search.GetSearchIndexAsync(new GetSearchIndexRequest(), catalog.Options(cancellationToken));
            var started = timeProvider.GetTimestamp();
            var rebuild = await catalog.Search.RebuildSearchIndexAsync(new RebuildSearchIndexRequest(), catalog.Options(cancellationToken));
            while (timeProvider.GetElapsedTime(started) < TimeLimit)
            {
                await Task.Delay(PollInterval, timeProvider, cancellationToken);
                var index = await catalog.Search.GetSearchIndexAsync(new GetSearchIndexRequest(), catalog.Options(cancellationToken));
                if (index.State == SearchIndexState.Ready && index.LastRebuildDuration is { } duration && index.LastRebuildStartTime is { } start
                    && (before.LastRebuildStartTime is null || start > before.LastRebuildStartTime))
                {
                    return new RebuildFigures(rebuild.ProductCount, index.DocumentCount, duration.ToTimeSpan(), timeProvider.GetElapsedTime(started), PeakMemory.ReadBytes(catalogProcess.Pid));
                }
            }
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailedException(CallFailures.Explain(failure, catalogGrpc, "dixis.catalog.v1.SearchService (rebuild)"), failure);
        }

        throw new BenchFailedException($"the search index was not ready again within {TimeLimit.TotalMinutes:0} minutes of RebuildSearchIndex.");
    }
}
