namespace Dixis.Testing.Stripe;

/// <summary>One request the fake Stripe API received, as Stripe.net sent it (form fields flattened: <c>metadata[order_id]</c>).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/v1/payment_intents</c>.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header, when sent.</param>
/// <param name="Form">The form-encoded body's fields.</param>
/// <param name="Replayed">Whether the fake answered with the stored reply of an earlier request with the same key.</param>
public sealed record RecordedStripeRequest(string Method, string Path, string? IdempotencyKey, IReadOnlyDictionary<string, string> Form, bool Replayed);
