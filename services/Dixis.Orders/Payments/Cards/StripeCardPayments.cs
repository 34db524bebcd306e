using Grpc.Core;
using Microsoft.Extensions.Options;
using Stripe;

namespace Dixis.Orders.Payments.Cards;

/// <summary>
/// Card payments through Stripe.net. Each call builds its <see cref="StripeClient"/> on a fresh client from the
/// <see cref="IHttpClientFactory"/> (named <see cref="HttpClientName"/>), so connections are pooled and rotated by the
/// factory and tests can route Stripe's HTTP to a fake. Every write carries the caller's idempotency key: Stripe answers
/// a retried key with the first result, so a timeout or a crash never creates a second PaymentIntent or refund.
/// </summary>
public sealed partial class StripeCardPayments(
    IOptions<StripeOptions> options,
    IHttpClientFactory httpClients,
    ILogger<StripeCardPayments> logger) : ICardPaymentProvider
{
    /// <summary>The named <see cref="HttpClient"/> Stripe.net sends its requests with.</summary>
    public const string HttpClientName = "stripe";

    /// <summary>Statuses after which a PaymentIntent can no longer change (so cancelling it is pointless).</summary>
    private static readonly HashSet<string> FinalStatuses = ["succeeded", "canceled"];

    private readonly StripeOptions settings = options.Value;

    public bool IsAvailable => settings.IsConfigured;

    public string PublishableKey => settings.PublishableKey ?? string.Empty;

    public async Task<CardPaymentIntent> CreatePaymentIntentAsync(CardPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var create = new PaymentIntentCreateOptions
        {
            Amount = request.AmountMinor,
            Currency = request.CurrencyCode.ToLowerInvariant(),
            Metadata = new Dictionary<string, string>
            {
                [StripeMetadata.OrderId] = request.OrderId,
                [StripeMetadata.PaymentId] = request.PaymentId,
            },
            Description = $"Dixis order {request.OrderId}",
            ReceiptEmail = string.IsNullOrWhiteSpace(request.CustomerEmail) ? null : request.CustomerEmail,
        };
        if (settings.PaymentMethodTypes.Count > 0)
        {
            create.AllowedPaymentMethodTypes = [.. settings.PaymentMethodTypes];
        }
        else
        {
            create.AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true };
        }

        try
        {
            var intent = await new PaymentIntentService(Client())
                .CreateAsync(create, Idempotent(request.IdempotencyKey), cancellationToken);
            LogIntentCreated(logger, intent.Id, request.OrderId, request.PaymentId);
            return Map(intent);
        }
        catch (Exception exception) when (StripeErrors.IsStripeFailure(exception, cancellationToken))
        {
            throw Failed(exception, "create the payment", request.OrderId, cancellationToken);
        }
    }

    public async Task<CardPaymentIntent> GetPaymentIntentAsync(string paymentIntentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentIntentId);
        try
        {
            return Map(await new PaymentIntentService(Client()).GetAsync(paymentIntentId, null, null, cancellationToken));
        }
        catch (Exception exception) when (StripeErrors.IsStripeFailure(exception, cancellationToken))
        {
            throw Failed(exception, "read the payment", paymentIntentId, cancellationToken);
        }
    }

    public async Task CancelPaymentIntentAsync(string paymentIntentId, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentIntentId);
        var intents = new PaymentIntentService(Client());
        try
        {
            // Read first: a paid or already cancelled intent is left alone (the order's refund path handles paid ones).
            var intent = await intents.GetAsync(paymentIntentId, null, null, cancellationToken);
            if (FinalStatuses.Contains(intent.Status))
            {
                LogCancelSkipped(logger, paymentIntentId, intent.Status);
                return;
            }

            await intents.CancelAsync(paymentIntentId, new PaymentIntentCancelOptions { CancellationReason = "abandoned" },
                Idempotent(idempotencyKey), cancellationToken);
            LogIntentCancelled(logger, paymentIntentId);
        }
        catch (StripeException exception) when (exception.StripeError?.Code is "resource_missing" or "payment_intent_unexpected_state")
        {
            // Unknown, or it became final between the read and the cancel (paid at the last second): nothing to cancel.
            LogCancelSkipped(logger, paymentIntentId, exception.StripeError.Code);
        }
        catch (Exception exception) when (StripeErrors.IsStripeFailure(exception, cancellationToken))
        {
            throw Failed(exception, "cancel the payment", paymentIntentId, cancellationToken);
        }
    }

    public async Task<CardRefund> RefundAsync(CardRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var create = new RefundCreateOptions
        {
            PaymentIntent = request.PaymentIntentId,
            Amount = request.AmountMinor,

            // Stripe accepts only its own reason codes; the Dixis reason travels in the metadata for the dashboard.
            Reason = RefundReasons.RequestedByCustomer,
            Metadata = new Dictionary<string, string> { [StripeMetadata.RefundReason] = Truncate(request.Reason, 500) },
        };

        try
        {
            var refund = await new RefundService(Client()).CreateAsync(create, Idempotent(request.IdempotencyKey), cancellationToken);
            LogRefundCreated(logger, refund.Id, request.PaymentIntentId, refund.Amount, refund.Status);
            return new CardRefund(refund.Id, refund.Status, refund.Amount);
        }
        catch (Exception exception) when (StripeErrors.IsStripeFailure(exception, cancellationToken))
        {
            throw Failed(exception, "refund the payment", request.PaymentIntentId, cancellationToken);
        }
    }

    private StripeClient Client()
    {
        if (!settings.IsConfigured)
        {
            // Registration only installs this provider with a key; reaching here means a test or a caller skipped IsAvailable.
            throw new InvalidOperationException("Stripe is not configured (Orders:Stripe:SecretKey).");
        }

        var http = new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), settings.MaxNetworkRetries, enableTelemetry: false);
        return new StripeClient(settings.SecretKey, httpClient: http, apiBase: string.IsNullOrWhiteSpace(settings.ApiBase) ? null : settings.ApiBase.TrimEnd('/'));
    }

    private static RequestOptions Idempotent(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return new RequestOptions { IdempotencyKey = idempotencyKey };
    }

    private RpcException Failed(Exception exception, string operation, string subject, CancellationToken cancellationToken)
    {
        var error = exception as StripeException;
        LogStripeFailed(logger, exception, operation, subject, (int?)error?.HttpStatusCode ?? 0, error?.StripeError?.Type, error?.StripeError?.Code);
        return StripeErrors.Translate(exception, operation, subject, cancellationToken);
    }

    private static CardPaymentIntent Map(PaymentIntent intent) => new(
        intent.Id,
        intent.ClientSecret ?? string.Empty,
        intent.Status,
        intent.Amount,
        intent.AmountReceived,
        intent.Metadata?.GetValueOrDefault(StripeMetadata.OrderId) ?? string.Empty,
        intent.Metadata?.GetValueOrDefault(StripeMetadata.PaymentId) ?? string.Empty,
        intent.LastPaymentError?.Message);

    private static string Truncate(string text, int length) => string.IsNullOrEmpty(text) || text.Length <= length ? text ?? string.Empty : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Created PaymentIntent {PaymentIntentId} for order {OrderId} (payment {PaymentId})")]
    private static partial void LogIntentCreated(ILogger logger, string paymentIntentId, string orderId, string paymentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled PaymentIntent {PaymentIntentId}")]
    private static partial void LogIntentCancelled(ILogger logger, string paymentIntentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Left PaymentIntent {PaymentIntentId} alone instead of cancelling it ({Status})")]
    private static partial void LogCancelSkipped(ILogger logger, string paymentIntentId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created refund {RefundId} of {AmountMinor} for PaymentIntent {PaymentIntentId} ({Status})")]
    private static partial void LogRefundCreated(ILogger logger, string refundId, string paymentIntentId, long amountMinor, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe call to {Operation} for {Subject} failed (HTTP {HttpStatus}, {ErrorType}, {ErrorCode})")]
    private static partial void LogStripeFailed(ILogger logger, Exception exception, string operation, string subject, int httpStatus, string? errorType, string? errorCode);
}
