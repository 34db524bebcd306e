using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary><c>ProducerService</c> on the real catalog.</summary>
public sealed class ProducerServiceTests(CatalogServiceFixture fixture) : IClassFixture<CatalogServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private CatalogApi Api => fixture.Api;

    [Fact]
    public async Task An_administrator_creates_a_producer_that_everyone_can_read()
    {
        var created = await Api.NewProducerAsync("Μελισσοκομία Βουνού");

        var read = await Api.Producers.GetProducerAsync(new GetProducerRequest { ProducerId = created.Id }, cancellationToken: Cancellation);

        Assert.Equal("Μελισσοκομία Βουνού", read.DisplayName);
        Assert.Equal(ProducerState.Active, read.State);
        Assert.Equal("Crete", read.Region.Values["en"]);
        Assert.Equal(0, read.ProductCount);
    }

    [Fact]
    public async Task Only_administrators_create_producers_and_slugs_are_unique()
    {
        var request = new CreateProducerRequest { Producer = new Producer { Slug = CatalogApi.Unique("farm"), DisplayName = "Farm" } };
        await RpcAssert.FailsAsync(() => Api.Producers.CreateProducerAsync(request, CatalogCallers.Producer("p-1"), cancellationToken: Cancellation), StatusCode.PermissionDenied, "ACCESS_DENIED");
        await RpcAssert.FailsAsync(() => Api.Producers.CreateProducerAsync(request, CatalogCallers.Anonymous, cancellationToken: Cancellation), StatusCode.Unauthenticated);

        await Api.Producers.CreateProducerAsync(request, CatalogCallers.Admin, cancellationToken: Cancellation);
        await RpcAssert.FailsAsync(() => Api.Producers.CreateProducerAsync(request, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.AlreadyExists, "SLUG_ALREADY_EXISTS");
        await RpcAssert.InvalidFieldAsync(() => Api.Producers.CreateProducerAsync(new CreateProducerRequest { Producer = new Producer { Slug = "x" } }, CatalogCallers.Admin, cancellationToken: Cancellation), "producer.display_name");
        await RpcAssert.InvalidFieldAsync(() => Api.Producers.CreateProducerAsync(new CreateProducerRequest { Producer = new Producer { Slug = CatalogApi.Unique("farm"), DisplayName = "F", LogoUri = "ftp://logo" } }, CatalogCallers.Admin, cancellationToken: Cancellation), "producer.logo_uri");
    }

    [Fact]
    public async Task A_producer_edits_its_own_profile_but_not_its_state_nor_others_profiles()
    {
        var producer = await Api.NewProducerAsync();
        var other = await Api.NewProducerAsync();
        var asProducer = CatalogCallers.Producer(producer.Id);

        var updated = await Api.Producers.UpdateProducerAsync(
            new UpdateProducerRequest { Producer = new Producer { Id = producer.Id, DisplayName = "Νέο όνομα", Etag = producer.Etag }, UpdateMask = new FieldMask { Paths = { "display_name" } } },
            asProducer, cancellationToken: Cancellation);
        Assert.Equal("Νέο όνομα", updated.DisplayName);
        Assert.Equal("Νέο όνομα", (await Api.Producers.GetProducerAsync(new GetProducerRequest { ProducerId = producer.Id }, cancellationToken: Cancellation)).DisplayName);

        await RpcAssert.InvalidFieldAsync(
            () => Api.Producers.UpdateProducerAsync(new UpdateProducerRequest { Producer = new Producer { Id = producer.Id, State = ProducerState.Active }, UpdateMask = new FieldMask { Paths = { "state" } } }, asProducer, cancellationToken: Cancellation),
            "update_mask", "FIELD_NOT_WRITABLE");
        await RpcAssert.FailsAsync(
            () => Api.Producers.UpdateProducerAsync(new UpdateProducerRequest { Producer = new Producer { Id = other.Id, DisplayName = "Mine" }, UpdateMask = new FieldMask { Paths = { "display_name" } } }, asProducer, cancellationToken: Cancellation),
            StatusCode.NotFound, "PRODUCER_NOT_FOUND");
        await RpcAssert.FailsAsync(
            () => Api.Producers.UpdateProducerAsync(new UpdateProducerRequest { Producer = new Producer { Id = producer.Id, DisplayName = "Stale", Etag = producer.Etag }, UpdateMask = new FieldMask { Paths = { "display_name" } } }, asProducer, cancellationToken: Cancellation),
            StatusCode.Aborted, "ETAG_MISMATCH");
    }

    [Fact]
    public async Task A_suspended_producer_and_its_products_disappear_from_the_public()
    {
        var producer = await Api.NewProducerAsync();
        var product = await Api.CreateProductAsync(producer, await Api.CategoryAsync("feta"));

        await Api.Producers.UpdateProducerAsync(
            new UpdateProducerRequest { Producer = new Producer { Id = producer.Id, State = ProducerState.Suspended }, UpdateMask = new FieldMask { Paths = { "state" } } },
            CatalogCallers.Admin, cancellationToken: Cancellation);

        await RpcAssert.FailsAsync(() => Api.Producers.GetProducerAsync(new GetProducerRequest { ProducerId = producer.Id }, cancellationToken: Cancellation), StatusCode.NotFound);
        await RpcAssert.FailsAsync(() => Api.Products.GetProductAsync(new GetProductRequest { ProductId = product.Id }, cancellationToken: Cancellation), StatusCode.NotFound);
        Assert.Equal(ProducerState.Suspended, (await Api.Producers.GetProducerAsync(new GetProducerRequest { ProducerId = producer.Id }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation)).State);
        Assert.Equal(product.Id, (await Api.Products.GetProductAsync(new GetProductRequest { ProductId = product.Id }, CatalogCallers.Admin, cancellationToken: Cancellation)).Id);
    }

    [Fact]
    public async Task Producers_are_listed_by_display_name_with_paging_and_product_counts()
    {
        var prefix = CatalogApi.Unique("Αα");
        var names = new[] { $"{prefix} Γ", $"{prefix} α", $"{prefix} Β" };
        var created = new List<Producer>();
        foreach (var name in names)
        {
            created.Add(await Api.NewProducerAsync(name));
        }

        var withProduct = created[0];
        await Api.CreateProductAsync(withProduct, await Api.CategoryAsync("feta"));

        var all = new List<Producer>();
        var request = new ListProducersRequest { PageSize = 7 };
        do
        {
            var page = await Api.Producers.ListProducersAsync(request, cancellationToken: Cancellation);
            all.AddRange(page.Producers);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        var ours = all.Where(p => p.DisplayName.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p.DisplayName).ToArray();
        Assert.Equal([$"{prefix} α", $"{prefix} Β", $"{prefix} Γ"], ours);
        Assert.Equal(all.Count, all.Select(p => p.Id).Distinct().Count());
        var count = await Eventually.ReadAsync(async () => (await Api.Producers.GetProducerAsync(new GetProducerRequest { ProducerId = withProduct.Id }, cancellationToken: Cancellation)).ProductCount, c => c == 1);
        Assert.Equal(1, count);
        await RpcAssert.InvalidFieldAsync(() => Api.Producers.ListProducersAsync(new ListProducersRequest { PageSize = 201 }, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
    }
}
