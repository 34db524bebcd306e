using System.Security.Cryptography;
using System.Text;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Carts;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.Orders.Payments;
using Dixis.Orders.Payments.Cards;
using Dixis.Orders.Pricing;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Idempotency;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using OrdersErrorReason = Dixis.Contracts.Orders.V1.ErrorReason;

namespace Dixis.Orders.Checkout;

/// <summary>
/// PlaceOrder: validate, price the cart on the server, store the order in stage Reserving under the caller's checkout
/// key, then complete it (<see cref="CheckoutCompletion"/>). The checkout key <c>&lt;caller&gt;:&lt;request_id&gt;</c> is
/// both an idempotency record and a unique field of the order, so a retry, a concurrent duplicate and the recovery job
/// all find the one order instead of creating another.
/// </summary>
public sealed class CheckoutService(
    OrderRepository orders,
    ICartStore carts,
    CheckoutPricing pricing,
    CheckoutCompletion completion,
    CheckoutValidator validator,
    AddressBook addressBook,
    PaymentInstructionsBuilder instructions,
    ICardPaymentProvider cards,
    CrashPoints crashPoints,
    TimeProvider timeProvider,
    IOptions<CashOnDeliveryOptions> cashOnDelivery)
{
    private const string Domain = OrderErrors.Domain;

    /// <summary>Places the order of <paramref name="request"/> for <paramref name="caller"/>, or returns the one a retry of it placed.</summary>
    /// <param name="request">The checkout request.</param>
    /// <param name="caller">The signed-in shopper.</param>
    /// <param name="authorization">The inbound call's <c>authorization</c> header, relayed to the address book for an <c>address_id</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<PlaceOrderResponse> PlaceAsync(PlaceOrderRequest request, Caller caller, string? authorization, CancellationToken cancellationToken)
    {
        validator.Validate(request);
        EnsureMethodAvailable(request.PaymentMethod);
        var subject = caller.Subject ?? throw RpcErrors.Unauthenticated(Domain, RpcErrors.TokenMissingReason, "Sign in to place an order.");
        var checkoutKey = $"{subject}:{request.RequestId.ToLowerInvariant()}";
        var fingerprint = Convert.ToHexString(SHA256.HashData(request.ToByteArray()));
        var idempotencyKey = CheckoutCompletion.IdempotencyKeyOf(checkoutKey);

        var outcome = await orders.Store.Idempotency.TryBeginAsync(idempotencyKey, fingerprint, cancellationToken);
        switch (outcome.Status)
        {
            case IdempotencyStatus.Conflict:
                throw RequestIdReused(request.RequestId);
            case IdempotencyStatus.Completed:
                var done = await orders.GetAsync(Encoding.UTF8.GetString(outcome.Response ?? []), cancellationToken);
                return done is { Value.Stage: CheckoutStage.Placed } ? await RespondAsync(done, null, cancellationToken) : throw StillRunning();
            case IdempotencyStatus.InProgress:
                var running = await orders.FindByCheckoutKeyAsync(checkoutKey, cancellationToken);
                return running is { Value.Stage: CheckoutStage.Placed } ? await RespondAsync(running, null, cancellationToken) : throw StillRunning();
        }

        // Started: new, or taking over an attempt that died; the order may already exist under the checkout key.
        var existing = await orders.FindByCheckoutKeyAsync(checkoutKey, cancellationToken);
        if (existing is not null)
        {
            return await ResumeAsync(existing, fingerprint, request.RequestId, cancellationToken);
        }

        OrderDocument draft;
        try
        {
            var destination = await DestinationAsync(request, authorization, cancellationToken);
            draft = await DraftAsync(request, destination, subject, checkoutKey, fingerprint, cancellationToken);
        }
        catch
        {
            // Nothing was stored: a retry with the same key starts afresh (e.g. after fixing the cart).
            await orders.Store.Idempotency.AbandonAsync(idempotencyKey, CancellationToken.None);
            throw;
        }

        Document<OrderDocument> inserted;
        try
        {
            inserted = await orders.Orders.InsertAsync(draft.Order.Id, draft, cancellationToken);
        }
        catch (UniqueIndexViolationException)
        {
            // A concurrent attempt with the same key inserted first: continue with its order.
            var winner = await orders.FindByCheckoutKeyAsync(checkoutKey, cancellationToken) ?? throw StillRunning();
            return await ResumeAsync(winner, fingerprint, request.RequestId, cancellationToken);
        }

        crashPoints.Reach(CrashPoints.CheckoutAfterInsert);
        var (placed, clientSecret) = await completion.CompleteAsync(inserted, cancellationToken);
        return await RespondAsync(placed, clientSecret, cancellationToken);
    }

    private async Task<PlaceOrderResponse> ResumeAsync(Document<OrderDocument> existing, string fingerprint, string requestId, CancellationToken cancellationToken)
    {
        if (existing.Value.CheckoutFingerprint != fingerprint)
        {
            throw RequestIdReused(requestId);
        }

        var (placed, clientSecret) = await completion.CompleteAsync(existing, cancellationToken);
        return await RespondAsync(placed, clientSecret, cancellationToken);
    }

    private async Task<PlaceOrderResponse> RespondAsync(Document<OrderDocument> order, string? clientSecret, CancellationToken cancellationToken) => new()
    {
        Order = OrderViews.For(order, new Caller(order.Value.CustomerUserId, new HashSet<string>(), null, null, new HashSet<string>())),
        PaymentInstructions = await instructions.BuildAsync(order.Value, clientSecret, cancellationToken),
    };

    /// <summary>Where the parcels go: the address sent, or a copy of the caller's address-book entry (later edits of the entry do not move the order).</summary>
    private async Task<PostalAddress> DestinationAsync(PlaceOrderRequest request, string? authorization, CancellationToken cancellationToken)
    {
        if (request.DestinationCase != PlaceOrderRequest.DestinationOneofCase.AddressId)
        {
            return request.ShippingAddress;
        }

        var saved = await addressBook.GetAsync(request.AddressId, authorization, cancellationToken);
        validator.ValidateSavedAddress(saved);
        return saved;
    }

    /// <summary>The order as priced now, in stage Reserving; nothing is stored yet.</summary>
    private async Task<OrderDocument> DraftAsync(
        PlaceOrderRequest request, PostalAddress destination, string subject, string checkoutKey, string fingerprint, CancellationToken cancellationToken)
    {
        var stored = await carts.GetAsync(request.CartId, cancellationToken);
        if (stored is null || !stored.Cart.IsOpenTo(subject))
        {
            throw CartErrors.CartNotFound(request.CartId);
        }

        if (stored.Cart.Lines.Count == 0)
        {
            throw OrderErrors.Precondition(OrdersErrorReason.CartEmpty, $"Cart '{request.CartId}' is empty: add something before checking out.", "CART", $"carts/{request.CartId}");
        }

        var priced = await pricing.PriceAsync(
            stored.Cart.Lines.Select(line => (line.Sku, line.Quantity)).ToList(), destination, request.PaymentMethod, request.ShippingSelections, cancellationToken);
        if (request.ExpectedTotal is { } expected && (expected.AmountMinor != priced.Totals.GrandTotal.AmountMinor || expected.CurrencyCode != priced.Totals.GrandTotal.CurrencyCode))
        {
            throw OrderErrors.Precondition(OrdersErrorReason.TotalChanged,
                $"The total is now {priced.Totals.GrandTotal.AmountMinor} {priced.Totals.GrandTotal.CurrencyCode} (minor units), not the {expected.AmountMinor} {expected.CurrencyCode} expected: review the order and place it again.",
                "TOTAL", "expected_total");
        }

        var now = timeProvider.GetUtcNow();
        var orderId = Guid.CreateVersion7(now).ToString("D");
        var paymentId = Guid.CreateVersion7(now).ToString("D");
        var createTime = Timestamp.FromDateTimeOffset(now);
        var order = new Order
        {
            Id = orderId,
            OrderNumber = OrderNumbers.For(orderId),
            CustomerUserId = subject,
            State = OrderState.Unspecified,
            ShippingAddress = destination,
            ContactEmail = request.ContactEmail,
            PaymentMethod = request.PaymentMethod,
            PaymentId = paymentId,
            Totals = priced.Totals,
            CustomerNote = request.CustomerNote,
            CreateTime = createTime,
            UpdateTime = createTime,
            LanguageCode = "el",
        };
        order.Lines.AddRange(priced.Lines);
        order.Parcels.AddRange(priced.Parcels);
        return new OrderDocument
        {
            CustomerUserId = subject,
            State = OrderState.Unspecified,
            Stage = CheckoutStage.Reserving,
            CreateTimeMs = now.ToUnixTimeMilliseconds(),
            CheckoutKey = checkoutKey,
            CheckoutFingerprint = fingerprint,
            CartId = request.CartId,
            PaymentId = paymentId,
            Order = order,
            Payment = new Payment
            {
                Id = paymentId,
                OrderId = orderId,
                Method = request.PaymentMethod,
                State = PaymentState.Pending,
                Amount = priced.Totals.GrandTotal,
                RefundedAmount = new() { CurrencyCode = priced.Totals.GrandTotal.CurrencyCode },
                CreateTime = createTime,
                UpdateTime = createTime,
            },
            Logistics = [.. priced.Logistics],
        };
    }

    /// <summary>Card without Stripe keys (or cash on delivery switched off) fails before anything is read or stored.</summary>
    private void EnsureMethodAvailable(PaymentMethod method)
    {
        if (method == PaymentMethod.Card && !cards.IsAvailable)
        {
            throw OrderErrors.Precondition(OrdersErrorReason.PaymentMethodUnavailable,
                "Card payments are not available: the card provider is not configured. Choose cash on delivery or bank transfer.", "PAYMENT_METHOD", "payment_method/CARD");
        }

        if (method == PaymentMethod.CashOnDelivery && !cashOnDelivery.Value.Enabled)
        {
            throw OrderErrors.Precondition(OrdersErrorReason.PaymentMethodUnavailable,
                "Cash on delivery is not offered; choose card or bank transfer.", "PAYMENT_METHOD", "payment_method/CASH_ON_DELIVERY");
        }
    }

    private static RpcException RequestIdReused(string requestId) =>
        RpcErrors.AlreadyExists(Domain, RpcErrors.RequestIdReusedReason, OrderErrors.OrderType, requestId,
            $"request_id '{requestId}' was already used for a different order request; nothing was created. Use a new request_id for a new checkout.");

    private static RpcException StillRunning() =>
        RpcErrors.Aborted(Domain, "CHECKOUT_IN_PROGRESS", "An earlier attempt with this request_id is still being placed; retry the same request in a moment.");
}
