using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Services.Tests.Catalog;

/// <summary>
/// Two catalog replicas on one store and one real Redis: a product cached by one replica is never served stale
/// by it after the other replica's update returns (HybridCache has no backplane; the catalog's invalidation
/// channel is what makes this hold).
/// </summary>
public sealed class ReplicaCacheTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_update_on_one_replica_is_what_the_other_replica_serves_next()
    {
        redis.SkipIfUnavailable();
        var dataDirectory = TemporaryDirectory.Create();
        try
        {
            await using var writer = DixisServices.Start("catalog", Replica(dataDirectory));
            await using var reader = DixisServices.Start("catalog", Replica(dataDirectory));
            using var writerChannel = writer.CreateGrpcChannel();
            using var readerChannel = reader.CreateGrpcChannel();
            var writes = new CatalogApi(writerChannel);
            var reads = new CatalogApi(readerChannel);
            await writes.WaitForSearchIndexAsync(Cancellation);
            await reads.WaitForSearchIndexAsync(Cancellation);
            var product = await writes.CreateProductAsync(await writes.NewProducerAsync(), await writes.CategoryAsync("feta"));

            for (var version = 1; version <= 20; version++)
            {
                // The reading replica caches the current version (memory and Redis)...
                await reads.Products.GetProductAsync(new GetProductRequest { ProductId = product.Id }, cancellationToken: Cancellation);

                // ...the other replica changes it...
                var updated = await writes.Products.UpdateProductAsync(
                    new UpdateProductRequest { Product = new Product { Id = product.Id, Brand = $"Έκδοση {version}" }, UpdateMask = new FieldMask { Paths = { "brand" } } },
                    CatalogCallers.Admin, cancellationToken: Cancellation);

                // ...and the reading replica serves the new version from then on.
                var served = await reads.Products.GetProductAsync(new GetProductRequest { ProductId = product.Id }, cancellationToken: Cancellation);
                Assert.Equal(updated.Etag, served.Etag);
                Assert.Equal($"Έκδοση {version}", served.Brand);
            }
        }
        finally
        {
            TemporaryDirectory.Delete(dataDirectory);
        }
    }

    private ServiceSettings Replica(string dataDirectory)
    {
        var settings = CatalogSettings.WithoutDemoProducts(dataDirectory);
        settings.Values["ConnectionStrings:cache"] = redis.ConnectionString;
        return settings;
    }
}
