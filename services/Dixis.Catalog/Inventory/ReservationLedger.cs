using Dixis.Catalog.Model;
using Dixis.Catalog.Products;
using Dixis.Catalog.Repositories;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Transactions;
using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Inventory;

/// <summary>
/// Stock held for orders: all lines or none, keyed by the order id (so a repeated reservation is answered,
/// not applied twice), committed when the order is paid, released when it fails, expired by the sweeper, returned
/// when a committed order is cancelled before shipping.
/// Each step is one unit of work over the reservation and its stock records; every stock change is a
/// conditional atomic update (<see cref="StockUpdates"/>), so available stock never goes below zero.
/// </summary>
public sealed partial class ReservationLedger(
    IDocumentStore store,
    StockRepository stock,
    StockLedger ledger,
    CatalogChanges changes,
    TimeProvider timeProvider,
    IOptions<InventoryOptions> options,
    ILogger<ReservationLedger> logger)
{
    private const string Domain = CatalogErrors.Domain;
    public const int MaxLines = 100;
    public const int MaxQuantity = 999;
    private static readonly TimeSpan MinTtl = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxTtl = TimeSpan.FromDays(7);

    private IDocumentCollection<ReservationRecord> Reservations => store.Collection<ReservationRecord>(CatalogCollections.Reservations);

    public async Task<Reservation> ReserveAsync(ReserveStockRequest request, CancellationToken cancellationToken)
    {
        var (lines, ttl) = Validate(request);
        if (await Reservations.GetAsync(request.OrderId, cancellationToken) is { } earlier)
        {
            return Repeated(earlier, lines);
        }

        var now = timeProvider.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        Document<ReservationRecord> stored;
        var productIds = new List<string>();
        await using (var transaction = await store.BeginTransactionAsync(cancellationToken))
        {
            var stockInTransaction = stock.Stock.In(transaction);
            var applied = new List<ReservationLineRecord>();
            var shortages = new List<PreconditionViolation>();
            var unknown = new List<string>();
            foreach (var line in lines)
            {
                var (condition, change) = StockUpdates.Reserve(line.Quantity, nowMs);
                if (shortages.Count == 0 && unknown.Count == 0 && await stockInTransaction.UpdateIfAsync(line.Sku, condition, change, cancellationToken))
                {
                    applied.Add(line);
                    continue;
                }

                // Every short line is reported, not just the first, so the cart can show them all at once.
                var level = await stockInTransaction.GetAsync(line.Sku, cancellationToken);
                if (level is null)
                {
                    unknown.Add(line.Sku);
                }
                else if (level.Value.Available < line.Quantity)
                {
                    shortages.Add(new PreconditionViolation("STOCK", $"sku/{line.Sku}", $"{line.Quantity} requested, {Math.Max(0, level.Value.Available)} available."));
                }
            }

            if (unknown.Count > 0 || shortages.Count > 0)
            {
                await UndoIfNotAtomicAsync(transaction, stockInTransaction, applied, nowMs, cancellationToken);
                throw unknown.Count > 0
                    ? CatalogErrors.SkuNotFound(unknown[0])
                    : RpcErrors.FailedPrecondition(Domain, CatalogErrors.Reason(ErrorReason.InsufficientStock),
                        $"Not enough stock for {shortages.Count} of {lines.Count} lines; nothing was reserved.", shortages);
            }

            var record = new ReservationRecord(lines, ReservationState.Held, (now + ttl).ToUnixTimeMilliseconds(), nowMs, nowMs, ReleaseReason: null);
            try
            {
                stored = await Reservations.In(transaction).InsertAsync(request.OrderId, record, cancellationToken);
            }
            catch (DocumentAlreadyExistsException)
            {
                // The same order reserved concurrently and won: undo ours (rollback) and answer with its result.
                await UndoIfNotAtomicAsync(transaction, stockInTransaction, applied, nowMs, cancellationToken);
                await transaction.DisposeAsync();
                return Repeated(await Reservations.GetAsync(request.OrderId, cancellationToken) ?? throw ReservationNotFound(request.OrderId), lines);
            }

            foreach (var line in lines)
            {
                var level = (await stockInTransaction.GetAsync(line.Sku, cancellationToken))!.Value;
                if (StockVisibility.SoldOutBy(level.Available))
                {
                    productIds.Add(level.ProductId);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (productIds.Count > 0)
        {
            await changes.StockChangedAsync(productIds, cancellationToken);
        }

        return InventoryMapper.ToContract(stored);
    }

    /// <summary>The held units leave on-hand stock; committing a committed reservation returns it unchanged.</summary>
    public async Task<Reservation> CommitAsync(string orderId, CancellationToken cancellationToken)
    {
        RequireOrderId(orderId);
        var current = await Reservations.GetAsync(orderId, cancellationToken) ?? throw ReservationNotFound(orderId);
        switch (current.Value.State)
        {
            case ReservationState.Committed:
                return InventoryMapper.ToContract(current);
            case ReservationState.Released or ReservationState.Expired or ReservationState.Returned:
                throw RpcErrors.FailedPrecondition(Domain, CatalogErrors.Reason(ErrorReason.ReservationNotHeld),
                    $"The reservation of order '{orderId}' is {StateName(current.Value.State)} and cannot be committed; reserve the stock again.",
                    [new PreconditionViolation("STATE", $"reservations/{orderId}", $"The reservation is {StateName(current.Value.State)}.")]);
        }

        return await FinishAsync(current, ReservationState.Committed, reason: null, cancellationToken) ?? await CommitAsync(orderId, cancellationToken);
    }

    /// <summary>The held units are available again; a committed, released, expired or returned reservation is returned unchanged.</summary>
    public async Task<Reservation> ReleaseAsync(string orderId, string reason, CancellationToken cancellationToken)
    {
        RequireOrderId(orderId);
        var why = Reason(reason);
        var current = await Reservations.GetAsync(orderId, cancellationToken) ?? throw ReservationNotFound(orderId);
        if (current.Value.State != ReservationState.Held)
        {
            return InventoryMapper.ToContract(current);
        }

        return await FinishAsync(current, ReservationState.Released, why, cancellationToken) ?? await ReleaseAsync(orderId, reason, cancellationToken);
    }

    /// <summary>
    /// A committed reservation's units go back on hand (the order was cancelled before shipping); a held one is
    /// released, so a return that overtakes its commit still frees the units and the late commit is refused. Released,
    /// expired and returned reservations are returned unchanged: the state flips conditionally in the same unit of work
    /// as the stock changes, so the units come back once however many returns race.
    /// </summary>
    public async Task<Reservation> ReturnAsync(string orderId, string reason, CancellationToken cancellationToken)
    {
        RequireOrderId(orderId);
        var why = Reason(reason);
        var current = await Reservations.GetAsync(orderId, cancellationToken) ?? throw ReservationNotFound(orderId);
        var next = current.Value.State switch
        {
            ReservationState.Held => ReservationState.Released,
            ReservationState.Committed => ReservationState.Returned,
            _ => (ReservationState?)null,
        };
        if (next is not { } to)
        {
            return InventoryMapper.ToContract(current);
        }

        return await FinishAsync(current, to, why ?? "returned", cancellationToken) ?? await ReturnAsync(orderId, reason, cancellationToken);
    }

    public async Task<Reservation> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        RequireOrderId(orderId);
        return InventoryMapper.ToContract(await Reservations.GetAsync(orderId, cancellationToken) ?? throw ReservationNotFound(orderId));
    }

    /// <summary>Releases every held reservation whose hold ran out; returns how many it expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var expired = 0;
        while (true)
        {
            var due = await Reservations.QueryAsync(
                new Query { Filter = Filter.And(Filter.Eq("state", ReservationState.Held.ToString()), Filter.Lte("expireTimeMs", nowMs)), PageSize = 100 },
                cancellationToken);
            foreach (var reservation in due.Items)
            {
                if (await FinishAsync(reservation, ReservationState.Expired, "expired", cancellationToken) is not null)
                {
                    expired++;
                    LogExpired(logger, reservation.Id);
                }
            }

            // Expired ones no longer match, so the next query starts over; a short page means none are left.
            if (due.Items.Count < 100)
            {
                return expired;
            }
        }
    }

    /// <summary>
    /// Moves a reservation to <paramref name="state"/> and applies its stock changes, in one unit of work: a held one
    /// to committed (the units ship), released or expired (they are available again), a committed one to returned (they
    /// are back on hand). The state flips first, conditionally on the state it was read in, so a retried or concurrent
    /// move finds it moved and changes no stock; this returns null then (the caller re-reads and answers from the new state).
    /// </summary>
    private async Task<Reservation?> FinishAsync(Document<ReservationRecord> reservation, ReservationState state, string? reason, CancellationToken cancellationToken)
    {
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        Reservation finished;
        var productIds = new List<string>();
        await using (var transaction = await store.BeginTransactionAsync(cancellationToken))
        {
            var reservations = Reservations.In(transaction);
            var moved = await reservations.UpdateIfAsync(
                reservation.Id,
                Filter.Eq("state", reservation.Value.State.ToString()),
                Update.Combine(Update.Set("state", state.ToString()), Update.Set("updateTimeMs", nowMs), Update.Set("releaseReason", reason)),
                cancellationToken);
            if (!moved)
            {
                return null;
            }

            var stockInTransaction = stock.Stock.In(transaction);
            foreach (var line in reservation.Value.Lines)
            {
                var (condition, change) = state switch
                {
                    ReservationState.Committed => StockUpdates.Ship(line.Quantity, nowMs),
                    ReservationState.Returned => StockUpdates.Adjust(line.Quantity, nowMs),
                    _ => StockUpdates.Unreserve(line.Quantity, nowMs),
                };
                if (!await stockInTransaction.UpdateIfAsync(line.Sku, condition, change, cancellationToken))
                {
                    // The SKU's record lost its reserved units or is gone (deleted with its variant or corrected by hand):
                    // the reservation still ends, and the gap is logged for an operator.
                    LogStockMissing(logger, reservation.Id, StateName(state), line.Sku, line.Quantity);
                    continue;
                }

                var level = (await stockInTransaction.GetAsync(line.Sku, cancellationToken))!;
                if (state != ReservationState.Committed && StockVisibility.BackInStockBy(level.Value.Available, line.Quantity))
                {
                    productIds.Add(level.Value.ProductId);
                }

                if (state == ReservationState.Committed)
                {
                    await ledger.RecordOrderAdjustmentAsync(transaction, line.Sku, -line.Quantity, AdjustmentReason.Sale, $"order {reservation.Id}", level.Value.OnHand, nowMs, cancellationToken);
                }
                else if (state == ReservationState.Returned)
                {
                    await ledger.RecordOrderAdjustmentAsync(transaction, line.Sku, line.Quantity, AdjustmentReason.Return, $"order {reservation.Id} {reason}", level.Value.OnHand, nowMs, cancellationToken);
                }
            }

            finished = InventoryMapper.ToContract((await reservations.GetAsync(reservation.Id, cancellationToken))!);
            await transaction.CommitAsync(cancellationToken);
        }

        if (productIds.Count > 0)
        {
            await changes.StockChangedAsync(productIds, cancellationToken);
        }

        return finished;
    }

    /// <summary>
    /// On a store without atomic units of work (standalone MongoDB) every applied line is already durable, so a
    /// failed reservation gives those units back itself; elsewhere disposing the unit of work rolls them back.
    /// </summary>
    private static async Task UndoIfNotAtomicAsync(ITransaction transaction, IDocumentCollection<StockRecord> stockInTransaction, List<ReservationLineRecord> applied, long nowMs, CancellationToken cancellationToken)
    {
        if (transaction.IsAtomic)
        {
            return;
        }

        foreach (var line in applied)
        {
            var (condition, change) = StockUpdates.Unreserve(line.Quantity, nowMs);
            await stockInTransaction.UpdateIfAsync(line.Sku, condition, change, CancellationToken.None);
        }
    }

    private Reservation Repeated(Document<ReservationRecord> earlier, IReadOnlyList<ReservationLineRecord> lines)
    {
        static IEnumerable<(string, long)> Key(IEnumerable<ReservationLineRecord> l) => l.Select(x => (x.Sku, x.Quantity)).OrderBy(x => x.Sku, StringComparer.Ordinal);
        if (Key(earlier.Value.Lines).SequenceEqual(Key(lines)))
        {
            return InventoryMapper.ToContract(earlier);
        }

        throw RpcErrors.AlreadyExists(Domain, CatalogErrors.Reason(ErrorReason.ReservationMismatch), CatalogErrors.ReservationType, earlier.Id,
            $"Order '{earlier.Id}' already has a reservation with other lines; an order reserves once.");
    }

    private (IReadOnlyList<ReservationLineRecord> Lines, TimeSpan Ttl) Validate(ReserveStockRequest request)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrEmpty(request.OrderId))
        {
            violations.Add("order_id", "is required: it is the reservation's identity and idempotency key.");
        }
        else if (!ProductRules.Id().IsMatch(request.OrderId))
        {
            violations.Add("order_id", "must be 1 to 64 letters, digits, '-' and '_'.");
        }

        if (request.Lines.Count is 0 or > MaxLines)
        {
            violations.Add("lines", $"needs 1 to {MaxLines} lines, got {request.Lines.Count}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Lines.Count && i < MaxLines; i++)
        {
            var line = request.Lines[i];
            if (!ProductRules.Sku().IsMatch(line.Sku))
            {
                violations.Add($"lines[{i}].sku", "is required: 1 to 64 letters, digits, '-', '_' and '.'.");
            }
            else if (!seen.Add(line.Sku))
            {
                violations.Add($"lines[{i}].sku", $"'{line.Sku}' appears in more than one line; send each SKU once with the total quantity.");
            }

            if (line.Quantity is < 1 or > MaxQuantity)
            {
                violations.Add($"lines[{i}].quantity", $"must be between 1 and {MaxQuantity}, got {line.Quantity}.");
            }
        }

        var ttl = request.Ttl is null ? options.Value.DefaultReservationTtl : request.Ttl.ToTimeSpan();
        if (request.Ttl is not null && (ttl < MinTtl || ttl > MaxTtl))
        {
            violations.Add("ttl", "must be between 1 minute and 7 days.");
        }

        violations.ThrowIfAny(Domain);
        return ([.. request.Lines.Select(line => new ReservationLineRecord(line.Sku, line.Quantity))], ttl);
    }

    /// <summary>The audit reason of a release or return: at most 200 characters, null when blank.</summary>
    private static string? Reason(string reason) =>
        reason.Length > 200 ? throw RpcErrors.InvalidField(Domain, "reason", "is at most 200 characters.")
        : string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private static void RequireOrderId(string orderId)
    {
        if (string.IsNullOrEmpty(orderId))
        {
            throw RpcErrors.InvalidField(Domain, "order_id", "is required.");
        }
    }

    private static RpcException ReservationNotFound(string orderId) =>
        RpcErrors.NotFound(Domain, CatalogErrors.Reason(ErrorReason.ReservationNotFound), CatalogErrors.ReservationType, orderId, $"Order '{orderId}' has no reservation.");

    private static string StateName(ReservationState state) => state.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation of order {OrderId} expired; its stock is available again")]
    private static partial void LogExpired(ILogger logger, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reservation of order {OrderId} became {State}, but the stock of SKU {Sku} could not take the change of its {Quantity} units")]
    private static partial void LogStockMissing(ILogger logger, string orderId, string state, string sku, long quantity);
}
