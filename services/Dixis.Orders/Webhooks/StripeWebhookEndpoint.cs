using System.Text;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Stripe;

namespace Dixis.Orders.Webhooks;

/// <summary>
/// <c>POST /webhooks/stripe</c>: Stripe's signed events, on the service's http endpoint (the gateway never forwards
/// it; expose it to Stripe directly, or locally with <c>stripe listen --forward-to</c>, see docs/card-payments.md).
/// The raw body is read (at most <see cref="MaxBodyBytes"/>) and its signature verified before anything is parsed:
/// a missing, wrong or stale signature is a 400 problem with reason WEBHOOK_SIGNATURE_INVALID and changes nothing.
/// A verified event is answered 200 once handled (or found to be a duplicate or of no interest); a failure while
/// handling it is a 500, so Stripe retries it later.
/// </summary>
public static partial class StripeWebhookEndpoint
{
    public const string Path = "/webhooks/stripe";

    /// <summary>Stripe's events are a few KiB; anything much larger is not one.</summary>
    public const int MaxBodyBytes = 256 * 1024;


    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapStripeWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Path, HandleAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, StripeSignatureVerifier verifier, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StripeWebhookEndpoint));
        var payload = await ReadBodyAsync(context.Request, cancellationToken);
        if (payload is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Webhook body too large",
                detail: $"A Stripe event is at most {MaxBodyBytes} bytes.");
        }

        var check = verifier.Verify(payload, context.Request.Headers[StripeSignatureVerifier.HeaderName]);
        if (!check.IsValid)
        {
            LogRejected(logger, check.Problem);
            return Rejected(check.Problem);
        }

        Event stripeEvent;
        try
        {
            // The account's API version may differ from Stripe.net's; only ids and types are read from the event
            // (the intent itself is re-read from the API), so a mismatch must not reject it.
            stripeEvent = EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or ArgumentException or StripeException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed Stripe event", detail: "The signed body is not a Stripe event.");
        }

        try
        {
            // Built per request, not registered: it needs the order lifecycle's outcomes, which an unverified request never reaches.
            var processor = ActivatorUtilities.CreateInstance<StripeWebhookProcessor>(context.RequestServices);
            var result = await processor.ProcessAsync(stripeEvent, cancellationToken);
            return Results.Json(new StripeWebhookReply(stripeEvent.Id, result.ToString().ToLowerInvariant()), WebhookJsonContext.Default.StripeWebhookReply);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception, stripeEvent.Id, stripeEvent.Type);
            var unavailable = exception is RpcException { StatusCode: StatusCode.Unavailable };
            return Results.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Event not processed",
                detail: unavailable
                    ? "A service the event needs did not answer; Stripe will deliver the event again."
                    : "The event could not be applied; Stripe will deliver it again.");
        }
    }

    private static IResult Rejected(string problem) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid webhook signature",
        detail: problem,
        extensions: new Dictionary<string, object?>
        {
            ["domain"] = OrderErrors.Domain,
            ["reason"] = OrderErrors.Reason(ErrorReason.WebhookSignatureInvalid),
        });

    /// <summary>The body as text, or null when it exceeds <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8, so not signed by Stripe: an empty payload fails verification like any forged one.
            return string.Empty;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a Stripe webhook: {Problem}")]
    private static partial void LogRejected(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stripe event {EventId} ({EventType}) failed; Stripe will retry it")]
    private static partial void LogFailed(ILogger logger, Exception exception, string eventId, string eventType);
}
