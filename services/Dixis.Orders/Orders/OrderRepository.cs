using Dixis.Orders.Model;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Transactions;

namespace Dixis.Orders.Orders;

/// <summary>
/// Orders, their producer index entries and refunds. Every change goes through <see cref="ChangeAsync"/>: read, decide,
/// replace at the version read with the effects in the same unit of work, and on a concurrent write read again and
/// decide again (optimistic concurrency), so two webhooks, a sweeper and an admin never lose each other's changes.
/// </summary>
public sealed class OrderRepository(IDocumentStore store, TimeProvider timeProvider)
{
    private const int MaxAttempts = 8;

    public IDocumentCollection<OrderDocument> Orders => store.Collection<OrderDocument>(OrderCollections.Orders);

    public IDocumentCollection<OrderParcelEntry> Parcels => store.Collection<OrderParcelEntry>(OrderCollections.OrderParcels);

    public IDocumentCollection<RefundDocument> Refunds => store.Collection<RefundDocument>(OrderCollections.Refunds);

    public IDocumentStore Store => store;

    public Task<Document<OrderDocument>?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        orderId.Length is 0 or > 64 ? Task.FromResult<Document<OrderDocument>?>(null) : Orders.GetAsync(orderId, cancellationToken);

    public Task<Document<OrderDocument>?> FindByCheckoutKeyAsync(string checkoutKey, CancellationToken cancellationToken) =>
        Orders.FirstOrDefaultAsync(Filter.Eq("checkoutKey", checkoutKey), cancellationToken);

    public Task<Document<OrderDocument>?> FindByPaymentIdAsync(string paymentId, CancellationToken cancellationToken) =>
        Orders.FirstOrDefaultAsync(Filter.Eq("paymentId", paymentId), cancellationToken);

    /// <summary>
    /// Applies <paramref name="decide"/> to the current order and stores the result with its effects. The decision runs
    /// again on a fresh read when someone else wrote first. Returns the stored (or, for <see cref="OrderChange.None"/>,
    /// the current) document; null when the order does not exist.
    /// </summary>
    public async Task<Document<OrderDocument>?> ChangeAsync(string orderId, Func<Document<OrderDocument>, OrderChange> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(orderId, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var stateBefore = current.Value.State;
            var stageBefore = current.Value.Stage;
            var change = decide(current);
            if (!change.Write)
            {
                return current;
            }

            current.Value.Order.UpdateTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow());
            try
            {
                return await SaveAsync(current, stateBefore, stageBefore, change, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone else changed the order since it was read: decide again on what they left.
            }
        }
    }

    private async Task<Document<OrderDocument>> SaveAsync(Document<OrderDocument> current, Dixis.Contracts.Orders.V1.OrderState stateBefore, CheckoutStage stageBefore, OrderChange change, CancellationToken cancellationToken)
    {
        var order = current.Value;
        order.Order.State = order.State;
        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        var stored = await Orders.In(transaction).ReplaceAsync(current.Id, order, current.Version, cancellationToken);
        if (order.Stage == CheckoutStage.Placed && stageBefore != CheckoutStage.Placed)
        {
            foreach (var parcel in order.Order.Parcels)
            {
                await Parcels.In(transaction).InsertAsync(ParcelEntryId(current.Id, parcel.Id),
                    new OrderParcelEntry(current.Id, parcel.ProducerId, order.CustomerUserId, order.State.ToString(), order.CreateTimeMs), cancellationToken);
            }
        }
        else if (order.Stage == CheckoutStage.Placed && order.State != stateBefore)
        {
            foreach (var parcel in order.Order.Parcels)
            {
                await Parcels.In(transaction).UpdateIfAsync(ParcelEntryId(current.Id, parcel.Id), Filter.Ne("state", order.State.ToString()),
                    Update.Set("state", order.State.ToString()), cancellationToken);
            }
        }

        await WriteRefundsAsync(transaction, change, cancellationToken);
        foreach (var effect in change.Effects)
        {
            await store.Outbox.In(transaction).EnqueueAsync(effect, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private async Task WriteRefundsAsync(ITransaction transaction, OrderChange change, CancellationToken cancellationToken)
    {
        foreach (var (id, refund) in change.NewRefunds)
        {
            await Refunds.In(transaction).InsertAsync(id, refund, cancellationToken);
        }

        foreach (var (id, refund, version) in change.ChangedRefunds)
        {
            await Refunds.In(transaction).ReplaceAsync(id, refund, version, cancellationToken);
        }
    }

    public static string ParcelEntryId(string orderId, string parcelId) => $"{orderId}/{parcelId}";
}
