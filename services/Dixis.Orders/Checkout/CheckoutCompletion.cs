using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Carts;
using Dixis.Orders.Effects;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.Orders.Payments;
using Dixis.Orders.Payments.Cards;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Options;
using OrdersErrorReason = Dixis.Contracts.Orders.V1.ErrorReason;

namespace Dixis.Orders.Checkout;

/// <summary>
/// The second half of checkout, from an order stored in stage Reserving: reserve all stock in the catalog (idempotent
/// by order id), start the payment, then place the order with its effects in one unit of work. PlaceOrder runs it
/// right away; <see cref="CheckoutRecovery"/> runs it again for an order whose process died half-way, and because
/// every step is idempotent, running it twice (or concurrently) places the order once.
/// </summary>
public sealed partial class CheckoutCompletion(
    OrderRepository orders,
    InventoryService.InventoryServiceClient inventory,
    ICardPaymentProvider cards,
    ICartStore carts,
    CrashPoints crashPoints,
    TimeProvider timeProvider,
    IOptions<PaymentOptions> payments,
    IOptions<CheckoutOptions> checkout,
    ILogger<CheckoutCompletion> logger)
{
    private const string Domain = OrderErrors.Domain;

    /// <summary>Completes the checkout; returns the placed order and the card client secret when one was created now.</summary>
    /// <exception cref="RpcException">OUT_OF_STOCK / SKU_UNAVAILABLE (the order was abandoned), or UNAVAILABLE (left for recovery).</exception>
    public async Task<(Document<OrderDocument> Order, string? ClientSecret)> CompleteAsync(Document<OrderDocument> reserving, CancellationToken cancellationToken)
    {
        var order = reserving.Value;
        if (order.Stage != CheckoutStage.Reserving)
        {
            return (reserving, null);
        }

        await ReserveAsync(reserving, cancellationToken);
        crashPoints.Reach(CrashPoints.CheckoutAfterReservation);

        string? clientSecret = null;
        string? intentId = null;
        if (order.Payment.Method == PaymentMethod.Card)
        {
            (intentId, clientSecret) = await CreatePaymentIntentAsync(reserving, cancellationToken);
            crashPoints.Reach(CrashPoints.CheckoutAfterPaymentIntent);
        }

        var placed = await orders.ChangeAsync(reserving.Id, current => Place(current.Value, intentId), cancellationToken)
            ?? throw OrderErrors.OrderNotFound(reserving.Id);
        if (placed.Value.Stage == CheckoutStage.Abandoned)
        {
            throw OutOfStock(reserving.Id, []);
        }

        await AfterPlacedAsync(placed.Value, cancellationToken);
        return (placed, clientSecret);
    }

    /// <summary>Abandons a checkout: invisible, its key free again, any stock it may hold released.</summary>
    public async Task AbandonAsync(string orderId, string reason, CancellationToken cancellationToken)
    {
        string? key = null;
        await orders.ChangeAsync(orderId, current =>
        {
            if (current.Value.Stage != CheckoutStage.Reserving)
            {
                return OrderChange.None;
            }

            key = current.Value.CheckoutKey;
            current.Value.Stage = CheckoutStage.Abandoned;
            current.Value.CheckoutKey = null;
            return OrderChange.With(OrderEffects.ReleaseReservation(orderId, reason));
        }, cancellationToken);
        if (key is not null)
        {
            await orders.Store.Idempotency.AbandonAsync(IdempotencyKeyOf(key), cancellationToken);
        }
    }

    /// <summary>The idempotency record of a checkout key.</summary>
    public static string IdempotencyKeyOf(string checkoutKey) => "checkout:" + checkoutKey;

    private async Task ReserveAsync(Document<OrderDocument> reserving, CancellationToken cancellationToken)
    {
        var order = reserving.Value;
        var request = new ReserveStockRequest
        {
            OrderId = reserving.Id,
            Ttl = Duration.FromTimeSpan(order.Payment.Method switch
            {
                // The hold outlives the payment window, so a payment in its last second still finds its stock.
                PaymentMethod.Card => payments.Value.CardExpiry + TimeSpan.FromMinutes(10),
                PaymentMethod.BankTransfer => payments.Value.BankTransferExpiry + TimeSpan.FromHours(12),
                _ => checkout.Value.CashOnDeliveryReservationTtl,
            }),
        };
        request.Lines.AddRange(order.Order.Lines.Select(line => new ReservationLine { Sku = line.Sku, Quantity = line.Quantity }));

        Reservation reservation;
        try
        {
            reservation = await inventory.ReserveStockAsync(request, cancellationToken: cancellationToken);
        }
        catch (RpcException shortage) when (shortage.StatusCode == StatusCode.FailedPrecondition)
        {
            await AbandonAsync(reserving.Id, "out_of_stock", cancellationToken);
            throw OutOfStock(reserving.Id, ShortSkus(shortage));
        }
        catch (RpcException missing) when (missing.StatusCode == StatusCode.NotFound)
        {
            await AbandonAsync(reserving.Id, "sku_unavailable", cancellationToken);
            throw OrderErrors.Precondition(OrdersErrorReason.SkuUnavailable, $"A SKU of the cart no longer exists: {missing.Status.Detail}", "SKU", "cart");
        }
        catch (RpcException failure) when (failure.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw RpcErrors.Unavailable(Domain, RpcErrors.DependencyUnavailableReason,
                "The catalog did not answer while reserving stock; the checkout completes on its own or on a retry with the same request_id.", TimeSpan.FromSeconds(2));
        }

        if (reservation.State != ReservationState.Held && reservation.State != ReservationState.Committed)
        {
            // A reservation from an earlier attempt that expired or was released: its stock is gone.
            await AbandonAsync(reserving.Id, "reservation_lapsed", cancellationToken);
            throw OutOfStock(reserving.Id, order.Order.Lines.Select(line => new PreconditionViolation("STOCK", $"sku/{line.Sku}", "The stock held for this checkout lapsed.")).ToList());
        }
    }

    private async Task<(string IntentId, string ClientSecret)> CreatePaymentIntentAsync(Document<OrderDocument> reserving, CancellationToken cancellationToken)
    {
        var order = reserving.Value;
        if (!cards.IsAvailable)
        {
            await AbandonAsync(reserving.Id, "card_unavailable", cancellationToken);
            throw OrderErrors.Precondition(OrdersErrorReason.PaymentMethodUnavailable, "Card payments are not available now; choose another payment method.", "PAYMENT_METHOD", "payment_method/CARD");
        }

        try
        {
            var intent = await cards.CreatePaymentIntentAsync(new CardPaymentRequest(
                reserving.Id, order.PaymentId, order.Payment.Amount.AmountMinor, order.Payment.Amount.CurrencyCode, order.PaymentId, order.Order.ContactEmail), cancellationToken);
            return (intent.Id, intent.ClientSecret);
        }
        catch (Exception failure) when (failure is not OperationCanceledException and not RpcException)
        {
            LogIntentFailed(logger, reserving.Id, failure);
            await AbandonAsync(reserving.Id, "card_provider_failed", cancellationToken);
            throw RpcErrors.Unavailable(Domain, OrderErrors.Reason(OrdersErrorReason.PaymentMethodUnavailable),
                "The card payment could not be started; nothing was ordered. Try again or choose another payment method.", TimeSpan.FromSeconds(2));
        }
    }

    private OrderChange Place(OrderDocument order, string? intentId)
    {
        if (order.Stage != CheckoutStage.Reserving)
        {
            return OrderChange.None;
        }

        var now = timeProvider.GetUtcNow();
        var payment = order.Payment;
        var method = payment.Method;
        var target = method == PaymentMethod.CashOnDelivery ? OrderState.Confirmed : OrderState.PendingPayment;
        order.Stage = CheckoutStage.Placed;
        order.State = target;
        order.Order.State = target;
        order.Order.History.Add(new OrderStateChange
        {
            FromState = OrderState.Unspecified,
            ToState = target,
            Actor = new Actor { Kind = ActorKind.Customer, Id = order.CustomerUserId },
            Reason = "order placed",
            ChangeTime = Timestamp.FromDateTimeOffset(now),
        });
        payment.UpdateTime = Timestamp.FromDateTimeOffset(now);
        if (method == PaymentMethod.CashOnDelivery)
        {
            var change = OrderChange.With(OrderEffects.CommitReservation(order.Order.Id));
            change.Effects.AddRange(OrderEffects.CreateShipments(order));
            return change;
        }

        var expire = now + (method == PaymentMethod.Card ? payments.Value.CardExpiry : payments.Value.BankTransferExpiry);
        payment.ExpireTime = Timestamp.FromDateTimeOffset(expire);
        order.Order.ExpireTime = payment.ExpireTime;
        order.ExpireTimeMs = expire.ToUnixTimeMilliseconds();
        if (method == PaymentMethod.Card)
        {
            payment.ProviderReference = intentId ?? string.Empty;
        }
        else
        {
            payment.BankTransferReference = order.Order.OrderNumber;
        }

        return new OrderChange();
    }

    /// <summary>What follows the placement outside its unit of work; both steps are idempotent and may be skipped by a crash.</summary>
    private async Task AfterPlacedAsync(OrderDocument order, CancellationToken cancellationToken)
    {
        if (order.CheckoutKey is { } key)
        {
            try
            {
                await orders.Store.Idempotency.CompleteAsync(IdempotencyKeyOf(key), System.Text.Encoding.UTF8.GetBytes(order.Order.Id), cancellationToken);
            }
            catch (InvalidOperationException)
            {
                // Already completed by a concurrent attempt, or expired: the order itself (found by its checkout key) answers retries.
            }
        }

        await EmptyCartAsync(order, cancellationToken);
    }

    /// <summary>Removes the ordered lines from the cart (lines added meanwhile in another tab stay).</summary>
    private async Task EmptyCartAsync(OrderDocument order, CancellationToken cancellationToken)
    {
        var ordered = order.Order.Lines.Select(line => line.Sku).ToHashSet(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = await carts.GetAsync(order.CartId, cancellationToken);
            if (stored is null || !stored.Cart.Lines.Any(line => ordered.Contains(line.Sku)))
            {
                return;
            }

            var remaining = stored.Cart.Lines.Where(line => !ordered.Contains(line.Sku)).ToList();
            try
            {
                await carts.ReplaceAsync(stored.Cart with { Lines = remaining, UpdateTimeMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() }, stored.Version, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // The shopper changed the cart meanwhile: read it again.
            }
        }
    }

    private static List<PreconditionViolation> ShortSkus(RpcException shortage)
    {
        var failure = shortage.GetRpcStatus()?.GetDetail<PreconditionFailure>();
        return failure is null
            ? []
            : failure.Violations.Select(violation => new PreconditionViolation("STOCK", violation.Subject, violation.Description)).ToList();
    }

    private static RpcException OutOfStock(string orderId, List<PreconditionViolation> violations) =>
        RpcErrors.FailedPrecondition(Domain, OrderErrors.Reason(OrdersErrorReason.OutOfStock),
            violations.Count == 0
                ? "Some items are out of stock; nothing was ordered."
                : $"Not enough stock for {string.Join(", ", violations.Select(v => v.Subject["sku/".Length..]))}; nothing was ordered.",
            violations.Count == 0 ? [new PreconditionViolation("STOCK", $"orders/{orderId}", "Out of stock.")] : violations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating the card PaymentIntent of order {OrderId} failed; the checkout is abandoned")]
    private static partial void LogIntentFailed(ILogger logger, string orderId, Exception exception);
}
