using Dixis.Catalog.Categories;
using Dixis.Catalog.Model;
using Dixis.Catalog.Producers;
using Dixis.Catalog.Repositories;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Transactions;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Products;

/// <summary>
/// Creates, updates and archives products. A product and the stock records of its SKUs change in one unit of
/// work, so a SKU is never claimed by two products and a failed write leaves nothing behind; the response
/// is built from what was stored, never echoed from the request. The import uses the same steps
/// (<see cref="PrepareNewAsync"/>, <see cref="PrepareReplacementAsync"/>, <see cref="StoreNewAsync"/>,
/// <see cref="StoreReplacementAsync"/>) inside its own, larger units of work.
/// </summary>
public sealed class ProductWriter(
    IDocumentStore store,
    ProductRepository products,
    StockRepository stock,
    ProductValidator validator,
    CategoryDirectory categories,
    ProducerDirectory producers,
    CatalogChanges changes,
    TimeProvider timeProvider,
    IOptions<CatalogOptions> options)
{
    private const string Domain = CatalogErrors.Domain;

    public async Task<Product> CreateAsync(Product request, Caller caller, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var prepared = await PrepareNewAsync(request, caller, violations, "product", cancellationToken);
        violations.ThrowIfAny(Domain);

        Document<ProductRecord> stored;
        await using (var transaction = await store.BeginTransactionAsync(cancellationToken))
        {
            stored = await StoreNewAsync(transaction, prepared!, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await changes.ProductCreatedAsync(cancellationToken);
        return ProductMapper.ToContract(stored, new Dictionary<string, long>());
    }

    public async Task<Product> UpdateAsync(Product request, FieldMask? mask, Caller caller, CancellationToken cancellationToken)
    {
        var paths = ProductUpdateMask.Paths(mask);
        if (string.IsNullOrEmpty(request.Id))
        {
            throw RpcErrors.InvalidField(Domain, "product.id", "is required.");
        }

        var current = await products.GetAsync(request.Id, cancellationToken) ?? throw CatalogErrors.ProductNotFound(request.Id);
        ProductOwnership.EnsureCanChange(caller, current.Id, current.Value, await producers.IsSellingAsync(current.Value.ProducerId, cancellationToken));
        EnsureEtag(request.Etag, current);
        var violations = new FieldViolations();
        var record = await PrepareReplacementAsync(current, paths, request, caller, violations, "product", cancellationToken);
        violations.ThrowIfAny(Domain);

        Document<ProductRecord> stored;
        await using (var transaction = await store.BeginTransactionAsync(cancellationToken))
        {
            stored = await StoreReplacementAsync(transaction, current, record!, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await changes.ProductsChangedAsync([current.Id], [current.Value.Slug, stored.Value.Slug], cancellationToken);
        return ProductMapper.ToContract(stored, await stock.AvailableBySkuAsync(stored.Value.Variants.Select(v => v.Sku), cancellationToken));
    }

    /// <summary>Archives a product; archiving an archived product returns it unchanged.</summary>
    public async Task<Product> ArchiveAsync(string productId, string etag, Caller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(productId))
        {
            throw RpcErrors.InvalidField(Domain, "product_id", "is required.");
        }

        var current = await products.GetAsync(productId, cancellationToken) ?? throw CatalogErrors.ProductNotFound(productId);
        ProductOwnership.EnsureCanChange(caller, current.Id, current.Value, await producers.IsSellingAsync(current.Value.ProducerId, cancellationToken));
        var skus = current.Value.Variants.Select(v => v.Sku).ToArray();
        if (current.Value.Status == ProductStatus.Archived)
        {
            return ProductMapper.ToContract(current, await stock.AvailableBySkuAsync(skus, cancellationToken));
        }

        EnsureEtag(etag, current);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        Document<ProductRecord> stored;
        try
        {
            stored = await products.Products.ReplaceAsync(current.Id, current.Value with { Status = ProductStatus.Archived, UpdateTimeMs = now }, current.Version, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw RpcErrors.EtagMismatch(Domain, current.Id);
        }

        await changes.ProductsChangedAsync([current.Id], [current.Value.Slug], cancellationToken);
        return ProductMapper.ToContract(stored, await stock.AvailableBySkuAsync(skus, cancellationToken));
    }

    /// <summary>
    /// Validates a product to create and fixes what the server decides: id, owner, status default, times.
    /// Adds every problem to <paramref name="violations"/> (paths under <paramref name="prefix"/>) and returns
    /// null when there is any; refuses a producer creating for another producer outright.
    /// </summary>
    internal async Task<NewProduct?> PrepareNewAsync(Product request, Caller caller, FieldViolations violations, string prefix, CancellationToken cancellationToken)
    {
        var draft = request.Clone();
        var before = violations.Count;
        foreach (var violation in validator.Validate(draft, prefix).Items)
        {
            violations.Add(violation.Field, violation.Description, violation.Reason);
        }

        var producerId = ProductOwnership.ProducerForCreate(caller, draft.ProducerId, violations, $"{prefix}.producer_id");
        if (draft.Status == ProductStatus.Archived)
        {
            violations.Add($"{prefix}.status", "a product is created as a draft or active; archive it later.");
        }

        await CheckReferencesAsync(draft, producerId, violations, prefix, checkCategory: true, cancellationToken);
        if (violations.Count > before)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        draft.Status = draft.Status == ProductStatus.Unspecified ? ProductStatus.Draft : draft.Status;
        var record = ProductMapper.ToRecord(draft, producerId!, options.Value.CurrencyCode, nowMs, nowMs, draft.Status == ProductStatus.Active ? nowMs : null);
        return new NewProduct(Guid.CreateVersion7(now).ToString("D"), record);
    }

    /// <summary>
    /// Checks that the caller may change <paramref name="current"/>, applies the masked fields of
    /// <paramref name="request"/> and validates the result. Returns null when <paramref name="violations"/> got any.
    /// </summary>
    internal async Task<ProductRecord?> PrepareReplacementAsync(
        Document<ProductRecord> current, IReadOnlyList<string> paths, Product request, Caller caller, FieldViolations violations, string prefix, CancellationToken cancellationToken)
    {
        ProductOwnership.EnsureCanChange(caller, current.Id, current.Value, await producers.IsSellingAsync(current.Value.ProducerId, cancellationToken));
        if (current.Value.Status == ProductStatus.Archived)
        {
            throw CatalogErrors.ProductArchived(current.Id);
        }

        var merged = ProductMapper.ToContract(current, new Dictionary<string, long>());
        ProductUpdateMask.Apply(paths, request, merged);
        var before = violations.Count;
        foreach (var violation in validator.Validate(merged, prefix).Items)
        {
            violations.Add(violation.Field, violation.Description, violation.Reason);
        }

        await CheckReferencesAsync(merged, producerId: null, violations, prefix, checkCategory: merged.CategoryId != current.Value.CategoryId, cancellationToken);
        if (violations.Count > before)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var publishTime = current.Value.PublishTimeMs ?? (merged.Status == ProductStatus.Active ? now : null);
        return ProductMapper.ToRecord(merged, current.Value.ProducerId, current.Value.CurrencyCode, current.Value.CreateTimeMs, now, publishTime);
    }

    /// <summary>Inserts a prepared product and claims its SKUs inside <paramref name="transaction"/>.</summary>
    /// <exception cref="global::Grpc.Core.RpcException">ALREADY_EXISTS when the slug or a SKU is taken.</exception>
    internal async Task<Document<ProductRecord>> StoreNewAsync(ITransaction transaction, NewProduct product, CancellationToken cancellationToken)
    {
        Document<ProductRecord> stored;
        try
        {
            stored = await products.Products.In(transaction).InsertAsync(product.Id, product.Record, cancellationToken);
        }
        catch (UniqueIndexViolationException)
        {
            throw CatalogErrors.SlugTaken(product.Record.Slug);
        }

        await ClaimSkusAsync(stock.Stock.In(transaction), product.Id, product.Record.ProducerId, product.Record.Variants.Select(v => v.Sku), product.Record.UpdateTimeMs, cancellationToken);
        return stored;
    }

    /// <summary>
    /// Replaces a product inside <paramref name="transaction"/>: SKUs it gains are claimed, SKUs it loses are
    /// released unless units are reserved for orders.
    /// </summary>
    /// <exception cref="global::Grpc.Core.RpcException">ABORTED on a concurrent change, ALREADY_EXISTS for a taken slug or SKU, FAILED_PRECONDITION for a reserved variant.</exception>
    internal async Task<Document<ProductRecord>> StoreReplacementAsync(ITransaction transaction, Document<ProductRecord> current, ProductRecord record, CancellationToken cancellationToken)
    {
        var before = current.Value.Variants.Select(v => v.Sku).ToHashSet(StringComparer.Ordinal);
        var after = record.Variants.Select(v => v.Sku).ToHashSet(StringComparer.Ordinal);
        var stockInTransaction = stock.Stock.In(transaction);
        foreach (var removed in before.Except(after))
        {
            // A variant whose stock is held for orders cannot go: those orders still need its units.
            if (await stockInTransaction.GetAsync(removed, cancellationToken) is { } held && held.Value.Reserved > 0)
            {
                throw RpcErrors.FailedPrecondition(Domain, CatalogErrors.Reason(ErrorReason.StockBelowReserved),
                    $"Variant '{removed}' has {held.Value.Reserved} units reserved for orders and cannot be removed.",
                    [new PreconditionViolation("STOCK", $"sku/{removed}", "Units are reserved for orders; remove the variant after they are committed or released.")]);
            }

            await stockInTransaction.DeleteAsync(removed, cancellationToken: cancellationToken);
        }

        await ClaimSkusAsync(stockInTransaction, current.Id, record.ProducerId, after.Except(before), record.UpdateTimeMs, cancellationToken);
        try
        {
            return await products.Products.In(transaction).ReplaceAsync(current.Id, record, current.Version, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw RpcErrors.EtagMismatch(Domain, current.Id);
        }
        catch (UniqueIndexViolationException)
        {
            throw CatalogErrors.SlugTaken(record.Slug);
        }
    }

    private async Task CheckReferencesAsync(Product product, string? producerId, FieldViolations violations, string prefix, bool checkCategory, CancellationToken cancellationToken)
    {
        if (checkCategory && !violations.Has($"{prefix}.category_id") && !(await categories.GetIndexAsync(cancellationToken)).Contains(product.CategoryId))
        {
            violations.Add($"{prefix}.category_id", $"category '{product.CategoryId}' does not exist.", CatalogErrors.Reason(ErrorReason.CategoryNotFound));
        }

        if (producerId is not null && !violations.Has($"{prefix}.producer_id") && await producers.GetAsync(producerId, cancellationToken) is null)
        {
            violations.Add($"{prefix}.producer_id", $"producer '{producerId}' does not exist.", CatalogErrors.Reason(ErrorReason.ProducerNotFound));
        }
    }

    private static void EnsureEtag(string etag, Document<ProductRecord> current)
    {
        if (etag.Length > 0 && (!Etag.TryParse(etag, out var version) || version != current.Version))
        {
            throw RpcErrors.EtagMismatch(Domain, current.Id);
        }
    }

    /// <summary>Creates the stock record of each new SKU (on hand 0); a SKU another product holds is refused.</summary>
    private static async Task ClaimSkusAsync(IDocumentCollection<StockRecord> stockCollection, string productId, string producerId, IEnumerable<string> skus, long now, CancellationToken cancellationToken)
    {
        foreach (var sku in skus)
        {
            try
            {
                await stockCollection.InsertAsync(sku, new StockRecord(productId, producerId, 0, 0, 0, now), cancellationToken);
            }
            catch (DocumentAlreadyExistsException)
            {
                throw CatalogErrors.SkuTaken(sku);
            }
        }
    }
}
