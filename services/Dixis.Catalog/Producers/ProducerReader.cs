using Dixis.Catalog.Model;
using Dixis.Catalog.Search;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Catalog.Producers;

/// <summary>Producer reads: by id through the cache, lists by display name from the store; counts from the search index.</summary>
public sealed class ProducerReader(ProducerDirectory directory, ProductCounts counts)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The producer; a suspended one only for admins and its own users.</summary>
    public async Task<Producer> GetAsync(string producerId, Caller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(producerId))
        {
            throw RpcErrors.InvalidField(CatalogErrors.Domain, "producer_id", "is required.");
        }

        var producer = producerId.Length <= 64 ? await directory.GetAsync(producerId, cancellationToken) : null;
        if (producer is null || (producer.State != ProducerState.Active && !caller.IsAdmin && caller.ProducerId != producerId))
        {
            throw CatalogErrors.ProducerNotFound(producerId);
        }

        var withCount = producer.Clone();
        withCount.ProductCount = await counts.ForProducerAsync(producerId, cancellationToken);
        return withCount;
    }

    public async Task<ListProducersResponse> ListAsync(ListProducersRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize, CatalogErrors.Domain);
        var query = new Query
        {
            Filter = caller.IsAdmin ? null : Filter.Eq("state", ProducerState.Active.ToString()),
            Sort = [SortField.Ascending("sortName")],
            PageSize = pageSize,
        };
        var (items, next) = await directory.Producers.PageAsync(query, request.PageToken, $"ListProducers|{caller.IsAdmin}", CatalogErrors.Domain, cancellationToken);
        var byProducer = await counts.ByProducerAsync(cancellationToken);
        var response = new ListProducersResponse { NextPageToken = next };
        foreach (var item in items)
        {
            var producer = ProducerMapper.ToContract(item);
            producer.ProductCount = byProducer.GetValueOrDefault(item.Id);
            response.Producers.Add(producer);
        }

        return response;
    }
}
