using System.Security.Cryptography;
using System.Text;
using Dixis.Catalog.Model;
using Dixis.Catalog.Products;
using Dixis.Catalog.Repositories;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Google.Protobuf;

namespace Dixis.Catalog.Inventory;

/// <summary>
/// On-hand stock and its audit trail. Producers see and change their own SKUs only; every change records who
/// made it and why, and is applied once per <c>request_id</c>.
/// </summary>
public sealed class StockLedger(IDocumentStore store, StockRepository stock, CatalogChanges changes, TimeProvider timeProvider)
{
    private const string Domain = CatalogErrors.Domain;
    public const int MaxBatch = 500;
    public const int MaxNoteLength = 500;
    public const int DefaultAdjustmentPageSize = 50;
    public const int MaxAdjustmentPageSize = 200;

    private IDocumentCollection<StockAdjustmentRecord> Adjustments => store.Collection<StockAdjustmentRecord>(CatalogCollections.StockAdjustments);

    public async Task<StockLevel> GetAsync(string sku, Caller caller, CancellationToken cancellationToken) =>
        InventoryMapper.ToContract(await VisibleStockAsync(sku, "sku", caller, cancellationToken));

    public async Task<BatchGetStockResponse> BatchGetAsync(IReadOnlyList<string> skus, Caller caller, CancellationToken cancellationToken)
    {
        var distinct = skus.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length is 0 or > MaxBatch)
        {
            throw RpcErrors.InvalidField(Domain, "skus", $"needs 1 to {MaxBatch} distinct SKUs, got {distinct.Length}.");
        }

        var found = (await stock.Stock.GetManyAsync(distinct.Where(sku => ProductRules.Sku().IsMatch(sku)), cancellationToken))
            .Where(level => CanManage(caller, level.Value.ProducerId))
            .ToDictionary(level => level.Id, StringComparer.Ordinal);
        var response = new BatchGetStockResponse();
        foreach (var sku in distinct)
        {
            if (found.TryGetValue(sku, out var level))
            {
                response.StockLevels.Add(InventoryMapper.ToContract(level));
            }
            else
            {
                response.MissingSkus.Add(sku);
            }
        }

        return response;
    }

    /// <summary>Changes on-hand stock with a reason, once per request id; never below the reserved units.</summary>
    public async Task<AdjustStockResponse> AdjustAsync(AdjustStockRequest request, Caller caller, CancellationToken cancellationToken)
    {
        Validate(request);
        var current = await VisibleStockAsync(request.Sku, "sku", caller, cancellationToken);
        var key = $"catalog:adjust-stock:{caller.ActorId}:{request.RequestId}";
        var outcome = await store.Idempotency.TryBeginAsync(key, Fingerprint(request), cancellationToken);
        switch (outcome.Status)
        {
            case IdempotencyStatus.Completed:
                return AdjustStockResponse.Parser.ParseFrom(outcome.Response);
            case IdempotencyStatus.InProgress:
                throw RpcErrors.Aborted(Domain, RpcErrors.RequestIdReusedReason, $"An adjustment with request_id '{request.RequestId}' is being applied; retry shortly.");
            case IdempotencyStatus.Conflict:
                throw RpcErrors.AlreadyExists(Domain, RpcErrors.RequestIdReusedReason, "dixis.catalog.v1.StockAdjustment", request.RequestId,
                    $"request_id '{request.RequestId}' was used for a different adjustment.");
        }

        try
        {
            var response = await ApplyAsync(request, caller, key, cancellationToken);
            await changes.StockChangedAsync([current.Value.ProductId], cancellationToken);
            return response;
        }
        catch
        {
            await store.Idempotency.AbandonAsync(key, CancellationToken.None);
            throw;
        }
    }

    public async Task<ListStockAdjustmentsResponse> ListAdjustmentsAsync(ListStockAdjustmentsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        await VisibleStockAsync(request.Sku, "sku", caller, cancellationToken);
        var pageSize = PageSize.Resolve(request.PageSize, DefaultAdjustmentPageSize, MaxAdjustmentPageSize, Domain);
        var query = new Query { Filter = Filter.Eq("sku", request.Sku), Sort = [SortField.DescendingBy("createTimeMs")], PageSize = pageSize };
        var (items, next) = await Adjustments.PageAsync(query, request.PageToken, $"ListStockAdjustments|{request.Sku}", Domain, cancellationToken);
        var response = new ListStockAdjustmentsResponse { NextPageToken = next };
        response.Adjustments.AddRange(items.Select(InventoryMapper.ToContract));
        return response;
    }

    /// <summary>
    /// Sets the opening stock of SKUs that have none yet (on hand and reserved zero), with an audit record each, in
    /// batches. A SKU that already has stock is left alone, so seeding twice (or from two replicas) never doubles it.
    /// Returns how many SKUs were stocked.
    /// </summary>
    internal async Task<int> SeedOpeningStockAsync(IEnumerable<KeyValuePair<string, long>> units, string actorId, CancellationToken cancellationToken)
    {
        var stocked = 0;
        foreach (var batch in units.Where(unit => unit.Value > 0).Chunk(500))
        {
            var productIds = new List<string>();
            await using var transaction = await store.BeginTransactionAsync(cancellationToken);
            var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var (sku, quantity) in batch)
            {
                var opened = await stock.Stock.In(transaction).UpdateIfAsync(
                    sku,
                    Filter.And(Filter.Eq("onHand", 0), Filter.Eq("reserved", 0)),
                    Update.Combine(Update.Set("onHand", quantity), Update.Set("available", quantity), Update.Set("updateTimeMs", nowMs)),
                    cancellationToken);
                if (!opened)
                {
                    continue;
                }

                stocked++;
                productIds.Add((await stock.Stock.In(transaction).GetAsync(sku, cancellationToken))!.Value.ProductId);
                await Adjustments.In(transaction).InsertAsync(
                    Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(nowMs)).ToString("D"),
                    new StockAdjustmentRecord(sku, quantity, AdjustmentReason.Restock, "opening stock", quantity, actorId, nowMs),
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            await changes.StockChangedAsync(productIds, cancellationToken);
        }

        return stocked;
    }

    /// <summary>
    /// Records units that left with a committed order (<c>SALE</c>) or came back with a cancelled one (<c>RETURN</c>),
    /// inside the unit of work of the reservation's change.
    /// </summary>
    internal async Task RecordOrderAdjustmentAsync(Persistence.Transactions.ITransaction transaction, string sku, long delta, AdjustmentReason reason, string note, long onHandAfter, long nowMs, CancellationToken cancellationToken) =>
        await Adjustments.In(transaction).InsertAsync(
            Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(nowMs)).ToString("D"),
            new StockAdjustmentRecord(sku, delta, reason, note.Trim(), onHandAfter, "system", nowMs),
            cancellationToken);

    private async Task<AdjustStockResponse> ApplyAsync(AdjustStockRequest request, Caller caller, string key, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        var stockInTransaction = stock.Stock.In(transaction);
        var (condition, change) = StockUpdates.Adjust(request.Delta, nowMs);
        if (!await stockInTransaction.UpdateIfAsync(request.Sku, condition, change, cancellationToken))
        {
            var level = await stockInTransaction.GetAsync(request.Sku, cancellationToken) ?? throw CatalogErrors.SkuNotFound(request.Sku);
            throw RpcErrors.FailedPrecondition(Domain, CatalogErrors.Reason(ErrorReason.StockBelowReserved),
                $"SKU '{request.Sku}' has {level.Value.OnHand} on hand and {level.Value.Reserved} reserved: removing {-request.Delta} would leave less on hand than is reserved.",
                [new PreconditionViolation("STOCK", $"sku/{request.Sku}", $"At most {level.Value.Available} units can be removed now.")]);
        }

        var after = (await stockInTransaction.GetAsync(request.Sku, cancellationToken))!;
        var adjustment = await Adjustments.In(transaction).InsertAsync(
            Guid.CreateVersion7(now).ToString("D"),
            new StockAdjustmentRecord(request.Sku, request.Delta, request.Reason, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), after.Value.OnHand, caller.ActorId, nowMs),
            cancellationToken);
        var response = new AdjustStockResponse { StockLevel = InventoryMapper.ToContract(after), Adjustment = InventoryMapper.ToContract(adjustment) };
        await store.Idempotency.In(transaction).CompleteAsync(key, response.ToByteArray(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }

    private static void Validate(AdjustStockRequest request)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrEmpty(request.Sku))
        {
            violations.Add("sku", "is required.");
        }

        if (request.Delta == 0)
        {
            violations.Add("delta", "must not be zero: positive adds units, negative removes them.");
        }
        else if (Math.Abs(request.Delta) > 1_000_000_000)
        {
            violations.Add("delta", "must be between -1,000,000,000 and 1,000,000,000.");
        }

        if (request.Reason == AdjustmentReason.Unspecified || !Enum.IsDefined(request.Reason))
        {
            violations.Add("reason", "is required: RESTOCK, COUNT_CORRECTION, DAMAGE, RETURN or OTHER.");
        }
        else if (request.Reason == AdjustmentReason.Sale)
        {
            violations.Add("reason", "SALE is recorded by the system when orders are committed.", RpcErrors.FieldNotWritableReason);
        }

        if (request.Note.Length > MaxNoteLength)
        {
            violations.Add("note", $"is {request.Note.Length} characters long; the maximum is {MaxNoteLength}.");
        }
        else if (request.Reason == AdjustmentReason.Other && string.IsNullOrWhiteSpace(request.Note))
        {
            violations.Add("note", "is required with reason OTHER: say why the stock changed.");
        }

        if (!Guid.TryParse(request.RequestId, out _))
        {
            violations.Add("request_id", "is required and must be a UUID, so a retried adjustment is applied once.");
        }

        violations.ThrowIfAny(Domain);
    }

    private async Task<Document<StockRecord>> VisibleStockAsync(string sku, string field, Caller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sku))
        {
            throw RpcErrors.InvalidField(Domain, field, "is required.");
        }

        var level = ProductRules.Sku().IsMatch(sku) ? await stock.Stock.GetAsync(sku, cancellationToken) : null;
        return level is not null && CanManage(caller, level.Value.ProducerId) ? level : throw CatalogErrors.SkuNotFound(sku);
    }

    /// <summary>Admins manage every SKU; producers (and partner clients bound to one) their own.</summary>
    private static bool CanManage(Caller caller, string producerId) => caller.IsAdmin || (caller.ProducerId is not null && caller.ProducerId == producerId);

    private static string Fingerprint(AdjustStockRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Sku}\n{request.Delta}\n{request.Reason}\n{request.Note}")));
}
