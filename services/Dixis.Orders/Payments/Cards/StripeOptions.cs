namespace Dixis.Orders.Payments.Cards;

/// <summary>
/// Stripe settings (configuration section <c>Orders:Stripe</c>). Without <see cref="SecretKey"/> card payments are
/// unavailable and the service runs with cash on delivery and bank transfer only. The keys are secrets: they come from
/// configuration (user secrets, environment, a secret store) and are never logged or echoed in validation errors.
/// </summary>
public sealed class StripeOptions
{
    public const string SectionName = "Orders:Stripe";

    /// <summary>The secret API key (<c>sk_test_…</c>, <c>sk_live_…</c>, or a restricted <c>rk_…</c> key).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The publishable key handed to Stripe.js (<c>pk_test_…</c>, <c>pk_live_…</c>).</summary>
    public string? PublishableKey { get; set; }

    /// <summary>
    /// The webhook endpoint's signing secrets (<c>whsec_…</c>). Several are accepted at once, so a secret can be rolled:
    /// add the new one, let Stripe sign with both during its overlap, then remove the old one.
    /// </summary>
    public List<string> WebhookSecrets { get; set; } = [];

    /// <summary>Stripe's API base address; empty for <c>https://api.stripe.com</c>. Set by tests and local mocks.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How far a webhook's signed timestamp may be from now (Stripe's default is 300 s); older ones are replays.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How often Stripe.net retries a request that failed on the network or with 409/5xx (same idempotency key).</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>How long one HTTP request to Stripe may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The payment method types offered on a PaymentIntent, e.g. <c>card</c>; empty lets Stripe choose the methods
    /// enabled in the dashboard (automatic payment methods).
    /// </summary>
    public List<string> PaymentMethodTypes { get; set; } = [];

    /// <summary>
    /// How long a handled webhook event's id is kept for de-duplication before <see cref="Webhooks.StripeEventPurger"/>
    /// deletes it. Stripe redelivers an event for up to three days, so at least four; default 30 days.
    /// </summary>
    public TimeSpan HandledEventRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether card payments are configured: a secret key is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}
