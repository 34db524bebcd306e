using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

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
    public Task An_update_on_one_replica_is_what_the_other_replica_serves_next() => WithTwoReplicasAsync(async (writes, reads) =>
    {
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
    });

    [Fact]
    public Task A_product_created_on_one_replica_is_found_at_once_by_the_other_that_looked_for_it() => WithTwoReplicasAsync(async (writes, reads) =>
    {
        var producer = await writes.NewProducerAsync();
        var category = await writes.CategoryAsync("feta");

        for (var round = 1; round <= 10; round++)
        {
            // The reading replica looks for the slug before the product exists (twice: a cached miss would answer the second)...
            var slug = $"replica-later-{round}-{Guid.NewGuid():N}"[..36];
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var missing = await Assert.ThrowsAsync<RpcException>(() => reads.Products.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = slug }, cancellationToken: Cancellation).ResponseAsync);
                Assert.Equal(StatusCode.NotFound, missing.StatusCode);
            }

            // ...the other replica creates it, and the reading replica serves it from then on.
            var created = await writes.CreateProductAsync(producer, category, product => product.Slug = slug);
            Assert.Equal(created.Etag, (await reads.Products.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = slug }, cancellationToken: Cancellation)).Etag);
        }
    });

    /// <summary>Runs <paramref name="test"/> against two catalog replicas (a writing one, a reading one) on one store and one Redis.</summary>
    private async Task WithTwoReplicasAsync(Func<CatalogApi, CatalogApi, Task> test)
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
            await test(writes, reads);
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
