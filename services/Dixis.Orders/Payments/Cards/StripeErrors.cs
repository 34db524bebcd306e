using System.Net;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;
using Stripe;

namespace Dixis.Orders.Payments.Cards;

/// <summary>
/// Turns what Stripe.net throws into the orders service's gRPC errors: Stripe down, slow or rate-limiting is
/// <c>UNAVAILABLE</c> (the caller may retry with the same idempotency key), an unknown intent <c>NOT_FOUND</c>, a refund
/// above what is left <c>FAILED_PRECONDITION</c> REFUND_EXCEEDS_PAID, and a rejected key or request
/// <c>FAILED_PRECONDITION</c> PAYMENT_METHOD_UNAVAILABLE. Stripe's own message is kept for the log, never the key.
/// </summary>
internal static class StripeErrors
{
    private const string Domain = OrderErrors.Domain;

    private const string PaymentIntentType = "stripe.PaymentIntent";

    private static string PaymentMethodUnavailableReason => OrderErrors.Reason(ErrorReason.PaymentMethodUnavailable);

    private static string RefundExceedsPaidReason => OrderErrors.Reason(ErrorReason.RefundExceedsPaid);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>Whether the exception is one Stripe.net raises for a failed call (and so is translated, not left to crash).</summary>
    public static bool IsStripeFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is StripeException or HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Whether Stripe.net's exception means "try again later" rather than "this request is wrong".</summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        StripeException stripe => stripe.HttpStatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict || (int)stripe.HttpStatusCode >= 500
            || stripe.StripeError?.Type == "api_error",
        _ => false,
    };

    /// <summary>The gRPC error for a failed Stripe call about <paramref name="subject"/> (an intent id, an order).</summary>
    public static RpcException Translate(Exception exception, string operation, string subject, CancellationToken cancellationToken)
    {
        if (IsTransient(exception, cancellationToken))
        {
            return RpcErrors.Unavailable(Domain, RpcErrors.DependencyUnavailableReason,
                $"Stripe did not answer while trying to {operation}; try again (the request is idempotent).", RetryDelay);
        }

        if (exception is not StripeException stripe)
        {
            throw new ArgumentException("Only Stripe.net's failures are translated.", nameof(exception), exception);
        }

        var code = stripe.StripeError?.Code;
        if (code == "resource_missing" || stripe.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return RpcErrors.NotFound(Domain, RpcErrors.NotFoundReason, PaymentIntentType, subject, $"Stripe does not know '{subject}'.");
        }

        if (code is "charge_already_refunded" or "amount_too_large" or "refund_amount_too_large")
        {
            return RpcErrors.FailedPrecondition(Domain, RefundExceedsPaidReason, $"Stripe refused the refund of '{subject}': {stripe.StripeError?.Message}",
                [new PreconditionViolation("REFUND", subject, "The refund exceeds what Stripe holds as paid and not yet refunded.")]);
        }

        if (stripe.HttpStatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return RpcErrors.FailedPrecondition(Domain, PaymentMethodUnavailableReason,
                "Card payments are unavailable: Stripe rejected the configured secret key.",
                [new PreconditionViolation("CONFIGURATION", "payment_methods/card", "Stripe rejected the configured secret key.")]);
        }

        return RpcErrors.FailedPrecondition(Domain, PaymentMethodUnavailableReason, $"Stripe refused to {operation}: {stripe.StripeError?.Message ?? stripe.Message}",
            [new PreconditionViolation("STRIPE", subject, stripe.StripeError?.Code ?? stripe.StripeError?.Type ?? "stripe_error")]);
    }
}
