using Dixis.Orders.Payments.Cards;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Grpc.Core;
using Stripe;

namespace Dixis.Orders.Webhooks;

/// <summary>
/// Handles a verified Stripe event. Payment events are never trusted for their content: the PaymentIntent is re-read
/// from Stripe and its current state applied, so events delivered late, twice or out of order (a stale
/// <c>payment_failed</c> after <c>succeeded</c>) all converge on what Stripe holds now.
/// <para>
/// De-duplication: the event id is recorded in <c>stripe_events</c> after its effect succeeded, not before, so a crash or
/// a failure in between leaves the event unrecorded and Stripe's retry applies it. The record cannot share the effect's
/// transaction (the order lifecycle owns it behind <see cref="ICardPaymentOutcomes"/>), and it need not: the outcome is
/// idempotent by contract (a second application of the same state changes nothing), so the record is the fast path for
/// redeliveries and the log of what was handled, while exactly-once effects rest on the order's conditional updates.
/// </para>
/// </summary>
public sealed partial class StripeWebhookProcessor(
    ICardPaymentProvider cards,
    ICardPaymentOutcomes outcomes,
    IDocumentCollection<StripeEventRecord> events,
    TimeProvider time,
    ILogger<StripeWebhookProcessor> logger)
{
    private static readonly HashSet<string> PaymentIntentEvents =
    [
        EventTypes.PaymentIntentSucceeded,
        EventTypes.PaymentIntentPaymentFailed,
        EventTypes.PaymentIntentCanceled,
    ];

    private static readonly HashSet<string> RefundEvents =
    [
        EventTypes.ChargeRefunded,
        EventTypes.RefundCreated,
        EventTypes.RefundUpdated,
        EventTypes.RefundFailed,
    ];

    public async Task<StripeWebhookResult> ProcessAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        if (string.IsNullOrWhiteSpace(stripeEvent.Id) || string.IsNullOrWhiteSpace(stripeEvent.Type))
        {
            LogIgnored(logger, stripeEvent.Id ?? "(none)", stripeEvent.Type ?? "(none)", "the event has no id or type");
            return StripeWebhookResult.Ignored;
        }

        if (await events.GetAsync(stripeEvent.Id, cancellationToken) is not null)
        {
            LogDuplicate(logger, stripeEvent.Id, stripeEvent.Type);
            return StripeWebhookResult.Duplicate;
        }

        var objectId = (stripeEvent.Data?.Object as IHasId)?.Id;
        if (PaymentIntentEvents.Contains(stripeEvent.Type))
        {
            return await ApplyPaymentIntentAsync(stripeEvent, objectId, cancellationToken);
        }

        if (RefundEvents.Contains(stripeEvent.Type))
        {
            // Refunds are created (idempotently) by CreateRefund, which records Stripe's answer; the event only confirms it.
            LogAcknowledged(logger, stripeEvent.Id, stripeEvent.Type, objectId ?? "(none)");
            await RecordAsync(stripeEvent, objectId, null, null, cancellationToken);
            return StripeWebhookResult.Acknowledged;
        }

        LogIgnored(logger, stripeEvent.Id, stripeEvent.Type, "Dixis does not act on this type");
        return StripeWebhookResult.Ignored;
    }

    private async Task<StripeWebhookResult> ApplyPaymentIntentAsync(Event stripeEvent, string? paymentIntentId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(paymentIntentId))
        {
            LogIgnored(logger, stripeEvent.Id, stripeEvent.Type, "the event carries no PaymentIntent");
            return StripeWebhookResult.Ignored;
        }

        CardPaymentIntent intent;
        try
        {
            intent = await cards.GetPaymentIntentAsync(paymentIntentId, cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            // Signed by our endpoint's secret yet unknown to our key: another account's or a deleted test object. A retry cannot help.
            LogIgnored(logger, stripeEvent.Id, stripeEvent.Type, "Stripe does not know its PaymentIntent");
            return StripeWebhookResult.Ignored;
        }

        if (string.IsNullOrEmpty(intent.OrderId))
        {
            LogIgnored(logger, stripeEvent.Id, stripeEvent.Type, "its PaymentIntent is not a Dixis order's");
            return StripeWebhookResult.Ignored;
        }

        await outcomes.ApplyAsync(new CardPaymentOutcome(intent, stripeEvent.Id, stripeEvent.Type), cancellationToken);
        LogApplied(logger, stripeEvent.Id, stripeEvent.Type, intent.Id, intent.Status, intent.OrderId);
        await RecordAsync(stripeEvent, intent.Id, intent.OrderId, intent.Status, cancellationToken);
        return StripeWebhookResult.Applied;
    }

    private async Task RecordAsync(Event stripeEvent, string? paymentIntentId, string? orderId, string? status, CancellationToken cancellationToken)
    {
        var record = new StripeEventRecord(
            stripeEvent.Type,
            paymentIntentId,
            orderId,
            status,
            new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
            time.GetUtcNow().ToUnixTimeMilliseconds());
        try
        {
            await events.InsertAsync(stripeEvent.Id, record, cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // A concurrent delivery of the same event finished first; the outcome is idempotent, so both are fine.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({EventType}): PaymentIntent {PaymentIntentId} is {Status}, applied to order {OrderId}")]
    private static partial void LogApplied(ILogger logger, string eventId, string eventType, string paymentIntentId, string status, string orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({EventType}) was handled before; ignored")]
    private static partial void LogDuplicate(ILogger logger, string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({EventType}) about {ObjectId} acknowledged")]
    private static partial void LogAcknowledged(ILogger logger, string eventId, string eventType, string objectId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stripe event {EventId} ({EventType}) ignored: {Why}")]
    private static partial void LogIgnored(ILogger logger, string eventId, string eventType, string why);
}
