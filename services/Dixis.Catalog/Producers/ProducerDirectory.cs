using Dixis.Catalog.Caching;
using Dixis.Catalog.Model;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;

namespace Dixis.Catalog.Producers;

/// <summary>Producers by id, through the cache: every product read needs its producer's state, every index update its name.</summary>
public sealed class ProducerDirectory(IDocumentStore store, CatalogCache cache)
{
    public IDocumentCollection<ProducerRecord> Producers => store.Collection<ProducerRecord>(CatalogCollections.Producers);

    /// <summary>The producer (any state), or null. Shared instance: clone before changing it.</summary>
    public ValueTask<Producer?> GetAsync(string producerId, CancellationToken cancellationToken) =>
        cache.GetProducerAsync(
            producerId,
            async token => await Producers.GetAsync(producerId, token) is { } document ? ProducerMapper.ToContract(document) : null,
            cancellationToken);

    /// <summary>Whether the producer exists and sells (its active products are public).</summary>
    public async ValueTask<bool> IsSellingAsync(string producerId, CancellationToken cancellationToken) =>
        await GetAsync(producerId, cancellationToken) is { State: ProducerState.Active };
}
