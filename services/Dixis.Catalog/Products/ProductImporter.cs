using System.Security.Cryptography;
using Dixis.Catalog.Model;
using Dixis.Catalog.Repositories;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Idempotency;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Products;

/// <summary>
/// Imports products from a stream of rows: each row is created or updated by slug with the same rules as
/// <c>CreateProduct</c>/<c>UpdateProduct</c>; invalid rows are reported one by one and valid rows are kept.
/// Rows are written in batches, one unit of work each; when a batch meets a conflict (a slug or SKU taken
/// meanwhile, two rows of one slug) its rows are written again one by one, so one bad row never costs the
/// others. The whole import is idempotent by its <c>request_id</c>.
/// </summary>
public sealed partial class ProductImporter(
    IDocumentStore store,
    ProductRepository products,
    StockRepository stock,
    ProductWriter writer,
    CatalogChanges changes,
    IOptions<ImportOptions> options,
    ILogger<ProductImporter> logger)
{
    private const string Domain = CatalogErrors.Domain;
    private const int MaxListedErrors = 1_000;

    public Task<ImportProductsResponse> ImportAsync(IAsyncStreamReader<ImportProductsRequest> requestStream, Caller caller, CancellationToken cancellationToken) =>
        ImportAsync(requestStream.ReadAllAsync(cancellationToken), caller, cancellationToken);

    public async Task<ImportProductsResponse> ImportAsync(IAsyncEnumerable<ImportProductsRequest> rows, Caller caller, CancellationToken cancellationToken)
    {
        await using var reader = rows.GetAsyncEnumerator(cancellationToken);
        if (!await reader.MoveNextAsync())
        {
            throw RpcErrors.InvalidField(Domain, "request_id", "the import sent no rows; the first message carries request_id, mode and the first row.");
        }

        var first = reader.Current;
        if (!Guid.TryParse(first.RequestId, out _))
        {
            throw RpcErrors.InvalidField(Domain, "request_id", "is required on the first message and must be a UUID, so a retried import is applied once.");
        }

        if (!Enum.IsDefined(first.Mode))
        {
            throw RpcErrors.InvalidField(Domain, "mode", $"{(int)first.Mode} is not an import mode.");
        }

        var key = $"catalog:import:{caller.ActorId}:{first.RequestId}";
        var outcome = await store.Idempotency.TryBeginAsync(key, Fingerprint(first), cancellationToken);
        switch (outcome.Status)
        {
            case IdempotencyStatus.Completed:
                while (await reader.MoveNextAsync())
                {
                    // The stream is read to its end so the client's writes complete; the rows were imported before.
                }

                return ImportProductsResponse.Parser.ParseFrom(outcome.Response);
            case IdempotencyStatus.InProgress:
                throw RpcErrors.Aborted(Domain, RpcErrors.RequestIdReusedReason, $"An import with request_id '{first.RequestId}' is running; retry when it has finished.");
            case IdempotencyStatus.Conflict:
                throw RpcErrors.AlreadyExists(Domain, RpcErrors.RequestIdReusedReason, "dixis.catalog.v1.ImportProductsRequest", first.RequestId,
                    $"request_id '{first.RequestId}' was used for a different import.");
        }

        var run = new ImportRun(first.Mode == ImportMode.CreateOnly ? ImportMode.CreateOnly : ImportMode.Upsert, first.ValidateOnly);
        try
        {
            var batch = new List<(long Number, Product Product)>(options.Value.BatchSize);
            var number = 0L;
            do
            {
                if (++number > options.Value.MaxRows)
                {
                    throw RpcErrors.InvalidField(Domain, "product", $"an import may send at most {options.Value.MaxRows} rows; split it.");
                }

                batch.Add((number, reader.Current.Product ?? new Product()));
                if (batch.Count == options.Value.BatchSize)
                {
                    await WriteBatchAsync(batch, caller, run, cancellationToken);
                    batch.Clear();
                }
            }
            while (await reader.MoveNextAsync());

            await WriteBatchAsync(batch, caller, run, cancellationToken);
        }
        catch
        {
            // Rows already written stay written (an import keeps valid rows); a retry upserts them again.
            await store.Idempotency.AbandonAsync(key, CancellationToken.None);
            throw;
        }

        var response = run.Response();
        await store.Idempotency.CompleteAsync(key, response.ToByteArray(), cancellationToken);
        LogImported(logger, response.ReceivedCount, response.CreatedCount, response.UpdatedCount, response.FailedCount, run.ValidateOnly);
        return response;
    }

    private async Task WriteBatchAsync(List<(long Number, Product Product)> rows, Caller caller, ImportRun run, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        run.Received += rows.Count;
        var prepared = new List<PreparedRow>(rows.Count);
        foreach (var (number, product) in rows)
        {
            if (await PrepareAsync(number, product, caller, run, cancellationToken) is { } row)
            {
                prepared.Add(row);
            }
        }

        if (prepared.Count == 0 || run.ValidateOnly)
        {
            run.Count(prepared);
            return;
        }

        var written = prepared;
        try
        {
            await using var transaction = await store.BeginTransactionAsync(cancellationToken);
            foreach (var row in prepared)
            {
                await StoreAsync(transaction, row, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            run.Count(prepared);
        }
        catch (RpcException)
        {
            // A conflict that the preparation could not see: write each row on its own, so only the bad ones fail. A row
            // prepared again may now replace a product created meanwhile, so what was written is what it returns.
            written = [];
            foreach (var row in prepared)
            {
                if (await RetryAloneAsync(row.Number, row.Request, caller, run, cancellationToken) is { } stored)
                {
                    written.Add(stored);
                }
            }
        }

        // Only replaced products can be cached; a created one is new to every cache (see CatalogChanges.ProductCreatedAsync).
        var replaced = written.Where(row => row.Existing is not null).ToList();
        await changes.ProductsChangedAsync(replaced.Select(row => row.Existing!.Id), replaced.SelectMany(row => row.ReplacedSlugs), cancellationToken);
    }

    /// <summary>Prepares and writes one row in its own unit of work; returns it when it was written.</summary>
    private async Task<PreparedRow?> RetryAloneAsync(long number, Product product, Caller caller, ImportRun run, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(number, product, caller, run, cancellationToken) is not { } row)
        {
            return null;
        }

        try
        {
            await using var transaction = await store.BeginTransactionAsync(cancellationToken);
            await StoreAsync(transaction, row, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            run.Count([row]);
            return row;
        }
        catch (RpcException failure)
        {
            run.Fail(number, product.Slug, failure);
            return null;
        }
    }

    /// <summary>Validates one row against the store as it is now; records its errors and returns null when it is bad.</summary>
    private async Task<PreparedRow?> PrepareAsync(long number, Product product, Caller caller, ImportRun run, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        try
        {
            if (string.IsNullOrEmpty(product.Slug))
            {
                violations.Add("product.slug", "is required: rows are matched to products by slug.");
                run.Fail(number, product.Slug, violations);
                return null;
            }

            var existing = ProductRules.Slug().IsMatch(product.Slug) ? await products.FindBySlugAsync(product.Slug, cancellationToken) : null;
            if (existing is not null)
            {
                if (run.Mode == ImportMode.CreateOnly)
                {
                    run.Fail(number, product.Slug, CatalogErrors.SlugTaken(product.Slug));
                    return null;
                }

                var replacement = await writer.PrepareReplacementAsync(existing, ProductUpdateMask.AllWritable, product, caller, violations, "product", cancellationToken);
                if (replacement is null || !await SkusFreeAsync(replacement.Variants.Select(v => v.Sku), existing.Id, violations, cancellationToken))
                {
                    run.Fail(number, product.Slug, violations);
                    return null;
                }

                return new PreparedRow(number, product, existing, replacement, null);
            }

            var created = await writer.PrepareNewAsync(product, caller, violations, "product", cancellationToken);
            if (created is null || !await SkusFreeAsync(created.Record.Variants.Select(v => v.Sku), productId: null, violations, cancellationToken))
            {
                run.Fail(number, product.Slug, violations);
                return null;
            }

            return new PreparedRow(number, product, null, null, created);
        }
        catch (RpcException refused)
        {
            // Ownership, archived products: the row is refused, the import goes on.
            run.Fail(number, product.Slug, refused);
            return null;
        }
    }

    /// <summary>Whether no other product holds these SKUs (checked before writing, so the common clash costs no rollback).</summary>
    private async Task<bool> SkusFreeAsync(IEnumerable<string> skus, string? productId, FieldViolations violations, CancellationToken cancellationToken)
    {
        var taken = await stock.Stock.GetManyAsync(skus, cancellationToken);
        foreach (var clash in taken.Where(s => s.Value.ProductId != productId))
        {
            violations.Add("product.variants", $"SKU '{clash.Id}' belongs to another product.", CatalogErrors.Reason(ErrorReason.SkuAlreadyExists));
        }

        return !taken.Exists(s => s.Value.ProductId != productId);
    }

    private async Task StoreAsync(Persistence.Transactions.ITransaction transaction, PreparedRow row, CancellationToken cancellationToken)
    {
        if (row.New is { } created)
        {
            await writer.StoreNewAsync(transaction, created, cancellationToken);
        }
        else
        {
            await writer.StoreReplacementAsync(transaction, row.Existing!, row.Replacement!, cancellationToken);
        }
    }

    private static string Fingerprint(ImportProductsRequest first) =>
        Convert.ToHexString(SHA256.HashData(first.ToByteArray()));

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Received} product rows: {Created} created, {Updated} updated, {Failed} rejected (validate only: {ValidateOnly})")]
    private static partial void LogImported(ILogger logger, long received, long created, long updated, long failed, bool validateOnly);

    /// <summary>A row ready to be written: a new product, or a replacement of an existing one.</summary>
    private sealed record PreparedRow(long Number, Product Request, Document<ProductRecord>? Existing, ProductRecord? Replacement, NewProduct? New)
    {
        /// <summary>For a replacement: the slug it had and the slug it has (a created product's slug needs no invalidation).</summary>
        public IEnumerable<string> ReplacedSlugs => [Existing!.Value.Slug, Replacement!.Slug];
    }

    /// <summary>The running totals of one import.</summary>
    private sealed class ImportRun(ImportMode mode, bool validateOnly)
    {
        private readonly List<ImportRowError> errors = [];
        private long created;
        private long updated;
        private long failed;

        public ImportMode Mode { get; } = mode;

        public bool ValidateOnly { get; } = validateOnly;

        public long Received { get; set; }

        public void Count(IEnumerable<PreparedRow> rows)
        {
            foreach (var row in rows)
            {
                if (row.New is not null)
                {
                    created++;
                }
                else
                {
                    updated++;
                }
            }
        }

        public void Fail(long number, string slug, FieldViolations violations)
        {
            failed++;
            foreach (var violation in violations.Items)
            {
                Add(new ImportRowError { RowNumber = number, Slug = slug, Field = violation.Field, Description = violation.Description, Reason = violation.Reason });
            }
        }

        public void Fail(long number, string slug, RpcException failure)
        {
            failed++;
            var status = failure.GetRpcStatus();
            Add(new ImportRowError
            {
                RowNumber = number,
                Slug = slug,
                Field = "product",
                Description = failure.Status.Detail,
                Reason = status?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason ?? failure.StatusCode.ToString(),
            });
        }

        public ImportProductsResponse Response()
        {
            var response = new ImportProductsResponse
            {
                ReceivedCount = Received,
                CreatedCount = ValidateOnly ? 0 : created,
                UpdatedCount = ValidateOnly ? 0 : updated,
                FailedCount = failed,
            };
            response.Errors.AddRange(errors);
            return response;
        }

        private void Add(ImportRowError error)
        {
            if (errors.Count < MaxListedErrors)
            {
                errors.Add(error);
            }
        }
    }
}
