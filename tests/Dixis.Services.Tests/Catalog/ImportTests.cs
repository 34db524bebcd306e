using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary><c>ProductService.ImportProducts</c> (client streaming) on the real catalog: valid rows kept, bad rows reported, retries applied once.</summary>
public sealed class ImportTests(CatalogServiceFixture fixture) : IClassFixture<CatalogServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private CatalogApi Api => fixture.Api;

    [Fact]
    public async Task Valid_rows_are_created_and_every_bad_row_is_reported_with_its_number()
    {
        var producer = await Api.NewProducerAsync();
        var category = await Api.CategoryAsync("feta");
        var good = CatalogApi.SampleProduct(category.Id);
        var negativePrice = CatalogApi.SampleProduct(category.Id, priceMinor: -1);
        var unknownCategory = CatalogApi.SampleProduct("no-such-category");
        var duplicateSku = CatalogApi.SampleProduct(category.Id, sku: good.Variants[0].Sku);
        var alsoGood = CatalogApi.SampleProduct(category.Id);

        var response = await ImportAsync(CatalogCallers.Producer(producer.Id), Guid.NewGuid(), ImportMode.Upsert, false, good, negativePrice, unknownCategory, duplicateSku, alsoGood);

        Assert.Equal((5L, 2L, 0L, 3L), (response.ReceivedCount, response.CreatedCount, response.UpdatedCount, response.FailedCount));
        Assert.Equal([2L, 3L, 4L], response.Errors.Select(e => e.RowNumber).Distinct());
        Assert.Contains(response.Errors, e => e.RowNumber == 2 && e.Field == "product.variants[0].price.amount_minor");
        Assert.Contains(response.Errors, e => e.RowNumber == 3 && e.Reason == "CATEGORY_NOT_FOUND");
        Assert.Contains(response.Errors, e => e.RowNumber == 4 && e.Reason == "SKU_ALREADY_EXISTS");
        var created = await Api.Products.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = alsoGood.Slug }, cancellationToken: Cancellation);
        Assert.Equal(producer.Id, created.ProducerId);
        await RpcAssert.FailsAsync(() => Api.Products.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = negativePrice.Slug }, cancellationToken: Cancellation), StatusCode.NotFound);
    }

    [Fact]
    public async Task A_retried_import_is_answered_from_the_first_and_a_reused_id_is_refused()
    {
        var producer = await Api.NewProducerAsync();
        var category = await Api.CategoryAsync("graviera");
        var row = CatalogApi.SampleProduct(category.Id);
        var requestId = Guid.NewGuid();

        var first = await ImportAsync(CatalogCallers.Producer(producer.Id), requestId, ImportMode.CreateOnly, false, row);
        var retried = await ImportAsync(CatalogCallers.Producer(producer.Id), requestId, ImportMode.CreateOnly, false, row);

        Assert.Equal(first, retried);
        Assert.Equal(1, first.CreatedCount);
        var other = CatalogApi.SampleProduct(category.Id);
        await Assert.ThrowsAsync<RpcException>(async () => await ImportAsync(CatalogCallers.Producer(producer.Id), requestId, ImportMode.Upsert, false, other));
        var listed = await Api.Products.ListProductsAsync(new ListProductsRequest { ProducerId = producer.Id }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);
        Assert.Single(listed.Products);
    }

    [Fact]
    public async Task Upsert_updates_by_slug_create_only_reports_it_and_validate_only_writes_nothing()
    {
        var producer = await Api.NewProducerAsync();
        var category = await Api.CategoryAsync("kasseri");
        var row = CatalogApi.SampleProduct(category.Id);
        var asProducer = CatalogCallers.Producer(producer.Id);
        await ImportAsync(asProducer, Guid.NewGuid(), ImportMode.Upsert, false, row);

        row.Brand = "Νέα μάρκα";
        var upserted = await ImportAsync(asProducer, Guid.NewGuid(), ImportMode.Upsert, false, row);
        Assert.Equal((0L, 1L), (upserted.CreatedCount, upserted.UpdatedCount));
        Assert.Equal("Νέα μάρκα", (await Api.Products.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = row.Slug }, cancellationToken: Cancellation)).Brand);

        var createOnly = await ImportAsync(asProducer, Guid.NewGuid(), ImportMode.CreateOnly, false, row);
        Assert.Equal("SLUG_ALREADY_EXISTS", Assert.Single(createOnly.Errors).Reason);

        var fresh = CatalogApi.SampleProduct(category.Id);
        var validated = await ImportAsync(asProducer, Guid.NewGuid(), ImportMode.Upsert, true, fresh, CatalogApi.SampleProduct(category.Id, priceMinor: -5));
        Assert.Equal((2L, 0L, 1L), (validated.ReceivedCount, validated.CreatedCount, validated.FailedCount));
        await RpcAssert.FailsAsync(() => Api.Products.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = fresh.Slug }, cancellationToken: Cancellation), StatusCode.NotFound);
    }

    [Fact]
    public async Task A_producer_cannot_import_over_another_producers_product()
    {
        var owner = await Api.NewProducerAsync();
        var intruder = await Api.NewProducerAsync();
        var product = await Api.CreateProductAsync(owner, await Api.CategoryAsync("feta"));
        var takeover = CatalogApi.SampleProduct(product.CategoryId, sku: product.Variants[0].Sku);
        takeover.Slug = product.Slug;
        takeover.Brand = "not mine";

        var response = await ImportAsync(CatalogCallers.Producer(intruder.Id), Guid.NewGuid(), ImportMode.Upsert, false, takeover);

        Assert.Equal("NOT_PRODUCT_OWNER", Assert.Single(response.Errors).Reason);
        Assert.NotEqual("not mine", (await Api.Products.GetProductAsync(new GetProductRequest { ProductId = product.Id }, cancellationToken: Cancellation)).Brand);
    }

    [Fact]
    public async Task An_import_needs_a_request_id_and_a_writer()
    {
        var category = await Api.CategoryAsync("feta");
        var noId = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = Api.Products.ImportProducts(CatalogCallers.Admin, cancellationToken: Cancellation);
            await call.RequestStream.WriteAsync(new ImportProductsRequest { Product = CatalogApi.SampleProduct(category.Id) }, Cancellation);
            await call.RequestStream.CompleteAsync();
            await call;
        });
        Assert.Equal(StatusCode.InvalidArgument, noId.StatusCode);

        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await ImportAsync(CatalogCallers.Anonymous, Guid.NewGuid(), ImportMode.Upsert, false, CatalogApi.SampleProduct(category.Id)));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    private async Task<ImportProductsResponse> ImportAsync(Metadata caller, Guid requestId, ImportMode mode, bool validateOnly, params Product[] rows)
    {
        using var call = Api.Products.ImportProducts(caller, cancellationToken: Cancellation);
        for (var i = 0; i < rows.Length; i++)
        {
            await call.RequestStream.WriteAsync(
                i == 0 ? new ImportProductsRequest { RequestId = requestId.ToString(), Mode = mode, ValidateOnly = validateOnly, Product = rows[i] } : new ImportProductsRequest { Product = rows[i] },
                Cancellation);
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }
}
