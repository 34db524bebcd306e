using Dixis.Catalog.DemoData;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Catalog.Loading;

/// <summary>
/// Makes sure the demo producers exist in the catalog and maps the generator's producer ids to the catalog's.
/// Producers are matched by slug: those already there (listed with <c>ListProducers</c>) are kept as they are,
/// the others are created with <c>CreateProducer</c>, so running a load twice creates nobody twice.
/// </summary>
public sealed class ProducerIdMap
{
    public const string ListMethod = "dixis.catalog.v1.ProducerService/ListProducers";
    public const string CreateMethod = "dixis.catalog.v1.ProducerService/CreateProducer";
    private const int PageSize = 200;
    private readonly Dictionary<string, string> byDemoId;

    private ProducerIdMap(Dictionary<string, string> byDemoId, int created, int existing)
    {
        this.byDemoId = byDemoId;
        Created = created;
        Existing = existing;
    }

    /// <summary>Producers this call created.</summary>
    public int Created { get; }

    /// <summary>Producers whose slug was already taken, kept unchanged.</summary>
    public int Existing { get; }

    /// <summary>The catalog's id of the demo producer <paramref name="demoId"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not one of the producers this map was made for.</exception>
    public string this[string demoId] => byDemoId[demoId];

    /// <summary>
    /// Maps the demo id of every producer the catalog has (<see cref="DemoProducerId"/> of its slug) to its id, for
    /// files written by a generator whose producers were created earlier.
    /// </summary>
    /// <exception cref="CatalogLoadException">The listing failed.</exception>
    public static async Task<ProducerIdMap> ExistingAsync(CatalogConnection catalog, CancellationToken cancellationToken)
    {
        var bySlug = await ListSlugsAsync(catalog, cancellationToken);
        return new ProducerIdMap(bySlug.ToDictionary(pair => DemoProducerId.For(pair.Key), pair => pair.Value, StringComparer.Ordinal), 0, bySlug.Count);
    }

    /// <summary>The catalog's id for <paramref name="demoId"/>, when a producer of that demo slug exists.</summary>
    public bool TryTranslate(string demoId, out string id) => byDemoId.TryGetValue(demoId, out id!);

    /// <exception cref="CatalogLoadException">A call failed (not admin, not reachable, not implemented).</exception>
    public static async Task<ProducerIdMap> EnsureAsync(
        CatalogConnection catalog, IReadOnlyList<Producer> producers, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var existingBySlug = await ListSlugsAsync(catalog, cancellationToken);
        var byDemoId = new Dictionary<string, string>(StringComparer.Ordinal);
        int created = 0, existing = 0;
        foreach (var producer in producers)
        {
            if (existingBySlug.TryGetValue(producer.Slug, out var id))
            {
                existing++;
            }
            else
            {
                id = await CreateAsync(catalog, producer, cancellationToken);
                created++;
            }

            byDemoId[producer.Id] = id;
            progress?.Report(new LoadProgress("producers", created + existing, producers.Count, "producers"));
        }

        return new ProducerIdMap(byDemoId, created, existing);
    }

    private static async Task<Dictionary<string, string>> ListSlugsAsync(CatalogConnection catalog, CancellationToken cancellationToken)
    {
        var bySlug = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new ListProducersRequest { PageSize = PageSize };
        try
        {
            do
            {
                var page = await catalog.Producers.ListProducersAsync(request, catalog.Options(cancellationToken));
                foreach (var producer in page.Producers)
                {
                    bySlug[producer.Slug] = producer.Id;
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CatalogLoadException(CallFailures.Explain(failure, catalog.Address, ListMethod), failure);
        }

        return bySlug;
    }

    private static async Task<string> CreateAsync(CatalogConnection catalog, Producer demo, CancellationToken cancellationToken)
    {
        var request = new CreateProducerRequest { Producer = demo.Clone() };
        request.Producer.Id = string.Empty; // Output only: the catalog assigns ids.
        try
        {
            return (await catalog.Producers.CreateProducerAsync(request, catalog.Options(cancellationToken))).Id;
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CatalogLoadException(CallFailures.Explain(failure, catalog.Address, CreateMethod), failure);
        }
    }
}
