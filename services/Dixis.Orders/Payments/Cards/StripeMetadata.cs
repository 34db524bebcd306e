namespace Dixis.Orders.Payments.Cards;

/// <summary>The metadata keys Dixis writes on Stripe objects, so an intent or refund leads back to its order and payment.</summary>
public static class StripeMetadata
{
    public const string OrderId = "order_id";
    public const string PaymentId = "payment_id";
    public const string RefundReason = "dixis_reason";
}
