namespace Dixis.Orders.Webhooks;

/// <summary>What became of a verified webhook event; every one is answered 200 so Stripe stops delivering it.</summary>
public enum StripeWebhookResult
{
    /// <summary>The PaymentIntent was re-read and its state handed to the order.</summary>
    Applied,

    /// <summary>The event id was handled before: nothing was done again.</summary>
    Duplicate,

    /// <summary>A type Dixis notes but does not act on (refund progress: refunds are driven by CreateRefund).</summary>
    Acknowledged,

    /// <summary>A type Dixis does not subscribe to, or an object that is not a Dixis payment.</summary>
    Ignored,
}
