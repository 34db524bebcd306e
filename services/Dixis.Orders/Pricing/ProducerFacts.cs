using Dixis.Contracts.Catalog.V1;
using Grpc.Core;
using Microsoft.Extensions.Caching.Hybrid;

namespace Dixis.Orders.Pricing;

/// <summary>
/// What checkout needs of a producer (the trading name on the parcel, the postal code it ships from), read from the
/// catalog and kept for a few minutes: every checkout names its producers, and asking the catalog for each one on every
/// order would cost two calls per parcel for facts that change rarely. HybridCache also collapses concurrent misses.
/// </summary>
public sealed class ProducerFacts(ProducerService.ProducerServiceClient producers, HybridCache cache)
{
    /// <summary>How long a producer's facts are reused; a renamed producer shows its new name on orders after this.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    public async Task<ProducerFact> GetAsync(string producerId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            $"orders:producer:{producerId}",
            (producers, producerId),
            static async (state, token) =>
            {
                try
                {
                    var producer = await state.producers.GetProducerAsync(new GetProducerRequest { ProducerId = state.producerId }, cancellationToken: token);
                    return new ProducerFact(producer.DisplayName, producer.OriginPostalCode);
                }
                catch (RpcException missing) when (missing.StatusCode == StatusCode.NotFound)
                {
                    // A product's producer always exists; if the catalog says otherwise the parcel still ships, unnamed.
                    return new ProducerFact(string.Empty, string.Empty);
                }
            },
            Entry,
            cancellationToken: cancellationToken);
}

/// <summary>A producer's trading name and the postal code its parcels ship from.</summary>
public sealed record ProducerFact(string DisplayName, string OriginPostalCode);
