using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary><c>ProductService</c> on the real catalog: create, read, list, update, archive, and every bad input.</summary>
public sealed class ProductServiceTests(CatalogServiceFixture fixture) : IClassFixture<CatalogServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private CatalogApi Api => fixture.Api;

    [Fact]
    public async Task A_producer_creates_a_product_the_public_then_reads_by_id_and_slug()
    {
        var producer = await Api.NewProducerAsync();
        var category = await Api.CategoryAsync("extra-virgin-olive-oil");

        var created = await Api.CreateProductAsync(producer, category);

        Assert.NotEmpty(created.Id);
        Assert.Equal(producer.Id, created.ProducerId);
        Assert.Equal(ProductStatus.Active, created.Status);
        Assert.NotNull(created.PublishTime);
        Assert.Equal("\"1\"", created.Etag);
        var byId = await Api.Products.GetProductAsync(new GetProductRequest { ProductId = created.Id }, CatalogCallers.Anonymous, cancellationToken: Cancellation);
        var bySlug = await Api.Products.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = created.Slug }, cancellationToken: Cancellation);
        Assert.Equal(created.Name, byId.Name);
        Assert.Equal(byId, bySlug);
        Assert.Equal("EUR", byId.Variants[0].Price.CurrencyCode);
        Assert.False(byId.Variants[0].InStock);
    }

    [Fact]
    public async Task Output_only_and_ownership_fields_in_a_create_are_ignored_or_refused()
    {
        var producer = await Api.NewProducerAsync();
        var other = await Api.NewProducerAsync();
        var category = await Api.CategoryAsync("feta");

        var created = await Api.CreateProductAsync(producer, category, product =>
        {
            product.Id = "chosen-by-client";
            product.Etag = "\"99\"";
            product.CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch);
            product.Variants[0].InStock = true;
        });
        Assert.NotEqual("chosen-by-client", created.Id);
        Assert.Equal("\"1\"", created.Etag);
        Assert.False(created.Variants[0].InStock);
        Assert.True(created.CreateTime.ToDateTimeOffset() > DateTimeOffset.UnixEpoch);

        // A producer cannot create a product in another producer's name.
        await RpcAssert.FailsAsync(
            () => Api.Products.CreateProductAsync(new CreateProductRequest { Product = WithProducer(CatalogApi.SampleProduct(category.Id), other.Id) }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation),
            StatusCode.PermissionDenied, "NOT_PRODUCT_OWNER");
    }

    [Fact]
    public async Task Writes_need_a_producer_or_an_administrator()
    {
        var category = await Api.CategoryAsync("feta");
        var request = new CreateProductRequest { Product = CatalogApi.SampleProduct(category.Id) };

        await RpcAssert.FailsAsync(() => Api.Products.CreateProductAsync(request, CatalogCallers.Anonymous, cancellationToken: Cancellation), StatusCode.Unauthenticated, "TOKEN_MISSING");
        await RpcAssert.FailsAsync(() => Api.Products.CreateProductAsync(request, CatalogCallers.Customer, cancellationToken: Cancellation), StatusCode.PermissionDenied, "ACCESS_DENIED");

        // An administrator must say whose product it is.
        await RpcAssert.InvalidFieldAsync(() => Api.Products.CreateProductAsync(request, CatalogCallers.Admin, cancellationToken: Cancellation), "product.producer_id");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("negative-price")]
    [InlineData("unknown-category")]
    [InlineData("duplicate-sku-in-request")]
    [InlineData("bad-slug")]
    [InlineData("no-variants")]
    [InlineData("no-tax-class")]
    [InlineData("compare-at-below-price")]
    [InlineData("wrong-currency")]
    [InlineData("bad-gtin")]
    [InlineData("http-image")]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_created(string fault)
    {
        var producer = await Api.NewProducerAsync();
        var category = await Api.CategoryAsync("feta");
        var product = CatalogApi.SampleProduct(category.Id);
        var (field, reason) = fault switch
        {
            "name" => Set(() => product.Name = new LocalizedText(), "product.name.values", "INVALID_FIELD"),
            "negative-price" => Set(() => product.Variants[0].Price.AmountMinor = -1, "product.variants[0].price.amount_minor", "INVALID_FIELD"),
            "unknown-category" => Set(() => product.CategoryId = "no-such-category", "product.category_id", "CATEGORY_NOT_FOUND"),
            "duplicate-sku-in-request" => Set(() => product.Variants.Add(product.Variants[0].Clone()), "product.variants[1].sku", "INVALID_FIELD"),
            "bad-slug" => Set(() => product.Slug = "Not A Slug!", "product.slug", "INVALID_FIELD"),
            "no-variants" => Set(() => product.Variants.Clear(), "product.variants", "INVALID_FIELD"),
            "no-tax-class" => Set(() => product.TaxClass = TaxClass.Unspecified, "product.tax_class", "INVALID_FIELD"),
            "compare-at-below-price" => Set(() => product.Variants[0].CompareAtPrice = new Money { CurrencyCode = "EUR", AmountMinor = 100 }, "product.variants[0].compare_at_price.amount_minor", "INVALID_FIELD"),
            "wrong-currency" => Set(() => product.Variants[0].Price.CurrencyCode = "USD", "product.variants[0].price.currency_code", "INVALID_FIELD"),
            "bad-gtin" => Set(() => product.Variants[0].Gtin = "5201234567891", "product.variants[0].gtin", "INVALID_FIELD"),
            "http-image" => Set(() => product.Images[0].Uri = "http://images.example/oil.jpg", "product.images[0].uri", "INVALID_FIELD"),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };

        await RpcAssert.InvalidFieldAsync(() => Api.Products.CreateProductAsync(new CreateProductRequest { Product = product }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation), field, reason);

        var listed = await Api.Products.ListProductsAsync(new ListProductsRequest { ProducerId = producer.Id }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);
        Assert.Empty(listed.Products);
    }

    [Fact]
    public async Task Every_bad_field_is_reported_at_once()
    {
        var producer = await Api.NewProducerAsync();
        var product = CatalogApi.SampleProduct("no-such-category");
        product.Name = new LocalizedText();
        product.Variants[0].Price.AmountMinor = -5;
        product.Variants[0].WeightGrams = 0;

        var error = await RpcAssert.FailsAsync(() => Api.Products.CreateProductAsync(new CreateProductRequest { Product = product }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation), StatusCode.InvalidArgument);

        foreach (var field in new[] { "product.name.values", "product.variants[0].price.amount_minor", "product.variants[0].weight_grams", "product.category_id" })
        {
            RpcAssert.Violation(error, field);
        }
    }

    [Fact]
    public async Task A_taken_slug_or_sku_is_already_exists_and_creates_nothing()
    {
        var producer = await Api.NewProducerAsync();
        var category = await Api.CategoryAsync("graviera");
        var first = await Api.CreateProductAsync(producer, category);

        var sameSlug = CatalogApi.SampleProduct(category.Id);
        sameSlug.Slug = first.Slug;
        await RpcAssert.FailsAsync(() => Api.Products.CreateProductAsync(new CreateProductRequest { Product = sameSlug }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation), StatusCode.AlreadyExists, "SLUG_ALREADY_EXISTS");

        var sameSku = CatalogApi.SampleProduct(category.Id, sku: first.Variants[0].Sku);
        await RpcAssert.FailsAsync(() => Api.Products.CreateProductAsync(new CreateProductRequest { Product = sameSku }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation), StatusCode.AlreadyExists, "SKU_ALREADY_EXISTS");

        var listed = await Api.Products.ListProductsAsync(new ListProductsRequest { ProducerId = producer.Id }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);
        Assert.Equal([first.Id], listed.Products.Select(p => p.Id));
        await RpcAssert.FailsAsync(() => Api.Products.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = sameSku.Slug }, cancellationToken: Cancellation), StatusCode.NotFound);
    }

    [Fact]
    public async Task Drafts_are_seen_by_their_producer_and_admins_only()
    {
        var producer = await Api.NewProducerAsync();
        var other = await Api.NewProducerAsync();
        var category = await Api.CategoryAsync("feta");
        var draft = await Api.CreateProductAsync(producer, category, product => product.Status = ProductStatus.Draft);
        var request = new GetProductRequest { ProductId = draft.Id };

        Assert.Null(draft.PublishTime);
        await RpcAssert.FailsAsync(() => Api.Products.GetProductAsync(request, CatalogCallers.Anonymous, cancellationToken: Cancellation), StatusCode.NotFound, "PRODUCT_NOT_FOUND");
        await RpcAssert.FailsAsync(() => Api.Products.GetProductAsync(request, CatalogCallers.Producer(other.Id), cancellationToken: Cancellation), StatusCode.NotFound);
        Assert.Equal(draft.Id, (await Api.Products.GetProductAsync(request, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation)).Id);
        Assert.Equal(draft.Id, (await Api.Products.GetProductAsync(request, CatalogCallers.Admin, cancellationToken: Cancellation)).Id);

        // Another producer cannot change it either, and is not told it exists.
        await RpcAssert.FailsAsync(
            () => Api.Products.UpdateProductAsync(new UpdateProductRequest { Product = new Product { Id = draft.Id, Brand = "x" }, UpdateMask = Mask("brand") }, CatalogCallers.Producer(other.Id), cancellationToken: Cancellation),
            StatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_or_malformed_ids_are_not_found_or_invalid()
    {
        await RpcAssert.FailsAsync(() => Api.Products.GetProductAsync(new GetProductRequest { ProductId = Guid.NewGuid().ToString() }, cancellationToken: Cancellation), StatusCode.NotFound, "PRODUCT_NOT_FOUND");
        await RpcAssert.InvalidFieldAsync(() => Api.Products.GetProductAsync(new GetProductRequest(), cancellationToken: Cancellation), "product_id");
        await RpcAssert.FailsAsync(() => Api.Products.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = "NO SUCH SLUG" }, cancellationToken: Cancellation), StatusCode.NotFound);
        await RpcAssert.InvalidFieldAsync(() => Api.Products.GetProductBySlugAsync(new GetProductBySlugRequest(), cancellationToken: Cancellation), "slug");
    }

    [Fact]
    public async Task Update_changes_only_the_masked_fields_and_moves_the_etag()
    {
        var producer = await Api.NewProducerAsync();
        var category = await Api.CategoryAsync("thyme-honey");
        var created = await Api.CreateProductAsync(producer, category);
        var change = new Product { Id = created.Id, Brand = "Μελίσσι", Name = CatalogApi.Text(("el", "Θυμαρίσιο μέλι"), ("en", "Thyme honey")), Etag = created.Etag, Description = new LocalizedText() };

        var updated = await Api.Products.UpdateProductAsync(new UpdateProductRequest { Product = change, UpdateMask = Mask("brand", "name") }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);

        Assert.Equal("Μελίσσι", updated.Brand);
        Assert.Equal("Thyme honey", updated.Name.Values["en"]);
        Assert.Equal(created.Description, updated.Description);
        Assert.Equal(created.Variants, updated.Variants);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(updated, await Api.Products.GetProductAsync(new GetProductRequest { ProductId = created.Id }, cancellationToken: Cancellation));

        // The old etag no longer matches: the second writer is told instead of overwriting.
        await RpcAssert.FailsAsync(
            () => Api.Products.UpdateProductAsync(new UpdateProductRequest { Product = change, UpdateMask = Mask("brand") }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation),
            StatusCode.Aborted, "ETAG_MISMATCH");
    }

    [Theory]
    [InlineData("producer_id", "FIELD_NOT_WRITABLE")]
    [InlineData("id", "FIELD_NOT_WRITABLE")]
    [InlineData("create_time", "FIELD_NOT_WRITABLE")]
    [InlineData("price", "INVALID_FIELD")]
    public async Task Update_refuses_masks_naming_fields_it_cannot_change(string path, string reason)
    {
        var producer = await Api.NewProducerAsync();
        var created = await Api.CreateProductAsync(producer, await Api.CategoryAsync("feta"));

        await RpcAssert.InvalidFieldAsync(
            () => Api.Products.UpdateProductAsync(new UpdateProductRequest { Product = new Product { Id = created.Id, ProducerId = "someone-else" }, UpdateMask = Mask(path) }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation),
            "update_mask", reason);
        await RpcAssert.InvalidFieldAsync(
            () => Api.Products.UpdateProductAsync(new UpdateProductRequest { Product = new Product { Id = created.Id } }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation),
            "update_mask");
        Assert.Equal(producer.Id, (await Api.Products.GetProductAsync(new GetProductRequest { ProductId = created.Id }, cancellationToken: Cancellation)).ProducerId);
    }

    [Fact]
    public async Task Another_producers_active_product_is_visible_but_cannot_be_changed()
    {
        var owner = await Api.NewProducerAsync();
        var intruder = await Api.NewProducerAsync();
        var created = await Api.CreateProductAsync(owner, await Api.CategoryAsync("feta"));

        await RpcAssert.FailsAsync(
            () => Api.Products.UpdateProductAsync(new UpdateProductRequest { Product = new Product { Id = created.Id, Brand = "mine" }, UpdateMask = Mask("brand") }, CatalogCallers.Producer(intruder.Id), cancellationToken: Cancellation),
            StatusCode.PermissionDenied, "NOT_PRODUCT_OWNER");
        await RpcAssert.FailsAsync(
            () => Api.Products.ArchiveProductAsync(new ArchiveProductRequest { ProductId = created.Id }, CatalogCallers.Producer(intruder.Id), cancellationToken: Cancellation),
            StatusCode.PermissionDenied, "NOT_PRODUCT_OWNER");

        // An administrator may change any product.
        var byAdmin = await Api.Products.UpdateProductAsync(new UpdateProductRequest { Product = new Product { Id = created.Id, Brand = "Admin's" }, UpdateMask = Mask("brand") }, CatalogCallers.Admin, cancellationToken: Cancellation);
        Assert.Equal("Admin's", byAdmin.Brand);
    }

    [Fact]
    public async Task Replacing_variants_keeps_existing_skus_and_their_stock_and_claims_new_ones()
    {
        var producer = await Api.NewProducerAsync();
        var created = await Api.CreateProductAsync(producer, await Api.CategoryAsync("extra-virgin-olive-oil"));
        var kept = created.Variants[0].Sku;
        await Api.RestockAsync(kept, 12);
        var added = created.Variants[0].Clone();
        added.Sku = CatalogApi.Unique("OIL-1L");
        added.Price.AmountMinor = 2100;
        var change = new Product { Id = created.Id, Variants = { created.Variants[0].Clone(), added } };

        var updated = await Api.Products.UpdateProductAsync(new UpdateProductRequest { Product = change, UpdateMask = Mask("variants") }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);

        Assert.Equal([kept, added.Sku], updated.Variants.Select(v => v.Sku));
        Assert.True(updated.Variants[0].InStock);
        Assert.False(updated.Variants[1].InStock);
        Assert.Equal(12, (await Api.Inventory.GetStockAsync(new GetStockRequest { Sku = kept }, CatalogCallers.Admin, cancellationToken: Cancellation)).OnHand);
        Assert.Equal(0, (await Api.Inventory.GetStockAsync(new GetStockRequest { Sku = added.Sku }, CatalogCallers.Admin, cancellationToken: Cancellation)).OnHand);
    }

    [Fact]
    public async Task Archive_hides_a_product_from_the_public_is_idempotent_and_freezes_it()
    {
        var producer = await Api.NewProducerAsync();
        var created = await Api.CreateProductAsync(producer, await Api.CategoryAsync("kasseri"));
        var request = new ArchiveProductRequest { ProductId = created.Id };

        var archived = await Api.Products.ArchiveProductAsync(request, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);
        var again = await Api.Products.ArchiveProductAsync(request, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);

        Assert.Equal(ProductStatus.Archived, archived.Status);
        Assert.Equal(archived, again);
        await RpcAssert.FailsAsync(() => Api.Products.GetProductAsync(new GetProductRequest { ProductId = created.Id }, cancellationToken: Cancellation), StatusCode.NotFound);
        await RpcAssert.FailsAsync(
            () => Api.Products.UpdateProductAsync(new UpdateProductRequest { Product = new Product { Id = created.Id, Brand = "x" }, UpdateMask = Mask("brand") }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "PRODUCT_ARCHIVED");
        await RpcAssert.FailsAsync(
            () => Api.Products.ArchiveProductAsync(new ArchiveProductRequest { ProductId = Guid.NewGuid().ToString() }, CatalogCallers.Admin, cancellationToken: Cancellation),
            StatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_a_category_includes_its_descendants_newest_first_and_pages_exactly_once()
    {
        var producer = await Api.NewProducerAsync();
        var cheese = await Api.CategoryAsync("cheese");
        var feta = await Api.CategoryAsync("feta");
        var graviera = await Api.CategoryAsync("graviera");
        var created = new List<Product>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await Api.CreateProductAsync(producer, i % 2 == 0 ? feta : graviera));
        }

        var seen = new List<string>();
        var request = new ListProductsRequest { CategoryId = cheese.Id, ProducerId = producer.Id, PageSize = 3 };
        do
        {
            var page = await Api.Products.ListProductsAsync(request, cancellationToken: Cancellation);
            Assert.True(page.Products.Count <= 3);
            seen.AddRange(page.Products.Select(p => p.Id));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(created.Select(p => p.Id).Reverse(), seen);
        var onlyFeta = await Api.Products.ListProductsAsync(new ListProductsRequest { CategoryId = feta.Id, ProducerId = producer.Id }, cancellationToken: Cancellation);
        Assert.Equal(4, onlyFeta.Products.Count);
    }

    [Fact]
    public async Task Listing_refuses_oversized_pages_foreign_tokens_and_unknown_categories()
    {
        var producer = await Api.NewProducerAsync();
        var feta = await Api.CategoryAsync("feta");
        await Api.CreateProductAsync(producer, feta);
        await Api.CreateProductAsync(producer, feta);
        var first = await Api.Products.ListProductsAsync(new ListProductsRequest { ProducerId = producer.Id, PageSize = 1 }, cancellationToken: Cancellation);

        await RpcAssert.InvalidFieldAsync(() => Api.Products.ListProductsAsync(new ListProductsRequest { PageSize = 101 }, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
        await RpcAssert.InvalidFieldAsync(() => Api.Products.ListProductsAsync(new ListProductsRequest { PageSize = -1 }, cancellationToken: Cancellation), "page_size");
        await RpcAssert.InvalidFieldAsync(() => Api.Products.ListProductsAsync(new ListProductsRequest { PageToken = first.NextPageToken, CategoryId = feta.Id }, cancellationToken: Cancellation), "page_token", "INVALID_PAGE_TOKEN");
        await RpcAssert.InvalidFieldAsync(() => Api.Products.ListProductsAsync(new ListProductsRequest { PageToken = "garbage" }, cancellationToken: Cancellation), "page_token", "INVALID_PAGE_TOKEN");
        await RpcAssert.InvalidFieldAsync(() => Api.Products.ListProductsAsync(new ListProductsRequest { CategoryId = "nope" }, cancellationToken: Cancellation), "category_id", "CATEGORY_NOT_FOUND");
    }

    [Fact]
    public async Task The_public_lists_active_products_only_whatever_status_it_asks_for()
    {
        var producer = await Api.NewProducerAsync();
        var feta = await Api.CategoryAsync("feta");
        var active = await Api.CreateProductAsync(producer, feta);
        var draft = await Api.CreateProductAsync(producer, feta, p => p.Status = ProductStatus.Draft);

        var asPublic = await Api.Products.ListProductsAsync(new ListProductsRequest { ProducerId = producer.Id, Status = ProductStatus.Draft }, cancellationToken: Cancellation);
        var asOwner = await Api.Products.ListProductsAsync(new ListProductsRequest { ProducerId = producer.Id, Status = ProductStatus.Draft }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);

        Assert.Equal([active.Id], asPublic.Products.Select(p => p.Id));
        Assert.Equal([draft.Id], asOwner.Products.Select(p => p.Id));
    }

    [Fact]
    public async Task Batch_get_variants_returns_the_servers_price_and_stock_and_names_missing_skus()
    {
        var producer = await Api.NewProducerAsync();
        var created = await Api.CreateProductAsync(producer, await Api.CategoryAsync("feta"), p => p.Variants[0].Price.AmountMinor = 899);
        var sku = created.Variants[0].Sku;
        await Api.RestockAsync(sku, 5);

        var response = await Api.Products.BatchGetVariantsAsync(new BatchGetVariantsRequest { Skus = { sku, sku, "NO-SUCH-SKU" } }, cancellationToken: Cancellation);

        var snapshot = Assert.Single(response.Variants);
        Assert.Equal(899, snapshot.Price.AmountMinor);
        Assert.Equal(5, snapshot.Available);
        Assert.Equal(created.Id, snapshot.ProductId);
        Assert.Equal(TaxClass.Reduced, snapshot.TaxClass);
        Assert.Equal(["NO-SUCH-SKU"], response.MissingSkus);
        await RpcAssert.InvalidFieldAsync(() => Api.Products.BatchGetVariantsAsync(new BatchGetVariantsRequest(), cancellationToken: Cancellation), "skus");
        await RpcAssert.InvalidFieldAsync(() => Api.Products.BatchGetVariantsAsync(new BatchGetVariantsRequest { Skus = { Enumerable.Range(0, 501).Select(i => $"S-{i}") } }, cancellationToken: Cancellation), "skus");
    }

    [Fact]
    public async Task Batch_get_variants_shows_a_price_change_as_soon_as_the_update_returns_and_the_exact_units_left_after_a_reservation()
    {
        var producer = await Api.NewProducerAsync();
        var created = await Api.CreateProductAsync(producer, await Api.CategoryAsync("feta"), p => p.Variants[0].Price.AmountMinor = 899);
        var sku = created.Variants[0].Sku;
        await Api.RestockAsync(sku, 5);
        var request = new BatchGetVariantsRequest { Skus = { sku } };
        Assert.Equal(899, (await Api.Products.BatchGetVariantsAsync(request, cancellationToken: Cancellation)).Variants[0].Price.AmountMinor);

        var repriced = created.Clone();
        repriced.Variants[0].Price.AmountMinor = 1099;
        await Api.Products.UpdateProductAsync(new UpdateProductRequest { Product = repriced, UpdateMask = Mask("variants") }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);
        var afterUpdate = Assert.Single((await Api.Products.BatchGetVariantsAsync(request, cancellationToken: Cancellation)).Variants);
        await Api.Inventory.ReserveStockAsync(new ReserveStockRequest { OrderId = CatalogApi.Unique("order"), Lines = { new ReservationLine { Sku = sku, Quantity = 2 } } }, cancellationToken: Cancellation);
        var afterReservation = Assert.Single((await Api.Products.BatchGetVariantsAsync(request, cancellationToken: Cancellation)).Variants);

        Assert.Equal((1099, 5), (afterUpdate.Price.AmountMinor, afterUpdate.Available));
        Assert.Equal((1099, 3), (afterReservation.Price.AmountMinor, afterReservation.Available));
    }

    private static FieldMask Mask(params string[] paths) => new() { Paths = { paths } };

    private static Product WithProducer(Product product, string producerId)
    {
        product.ProducerId = producerId;
        return product;
    }

    private static (string Field, string Reason) Set(Action change, string field, string reason)
    {
        change();
        return (field, reason);
    }
}
