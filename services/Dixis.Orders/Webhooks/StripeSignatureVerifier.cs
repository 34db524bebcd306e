using Dixis.Orders.Payments.Cards;
using Microsoft.Extensions.Options;
using Stripe;

namespace Dixis.Orders.Webhooks;

/// <summary>
/// Verifies a webhook's <c>Stripe-Signature</c> (<c>t=&lt;unix time&gt;,v1=&lt;hex HMAC-SHA256 of "t.payload"&gt;</c>)
/// against every configured signing secret, so a secret can be rolled without rejecting events signed with the other.
/// The check itself is Stripe.net's <see cref="EventUtility.ValidateSignature(string, string, string, long, long)"/>
/// (constant-time comparison, any of several <c>v1</c> entries), given the current time from <see cref="TimeProvider"/>
/// rather than the system clock, so replay protection is testable and follows the service's clock. A timestamp further
/// than the tolerance from now, in either direction, is rejected.
/// </summary>
public sealed class StripeSignatureVerifier(IOptions<StripeOptions> options, TimeProvider time)
{
    /// <summary>The header Stripe signs webhooks in.</summary>
    public const string HeaderName = "Stripe-Signature";

    public StripeSignatureCheck Verify(string payload, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var settings = options.Value;
        var secrets = settings.WebhookSecrets.Where(secret => !string.IsNullOrWhiteSpace(secret)).ToList();
        if (secrets.Count == 0)
        {
            return StripeSignatureCheck.Invalid("No webhook signing secret is configured (Orders:Stripe:WebhookSecrets).");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return StripeSignatureCheck.Invalid($"The {HeaderName} header is missing.");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var tolerance = (long)settings.SignatureTolerance.TotalSeconds;
        var outsideTolerance = false;
        foreach (var secret in secrets)
        {
            try
            {
                EventUtility.ValidateSignature(payload, signatureHeader, secret.Trim(), tolerance, now);
                return StripeSignatureCheck.Valid;
            }
            catch (StripeException exception) when (exception.Message.Contains("tolerance", StringComparison.OrdinalIgnoreCase))
            {
                // The signature matched this secret but the timestamp is stale (a replay) or from the future.
                outsideTolerance = true;
            }
            catch (Exception exception) when (exception is StripeException or FormatException or OverflowException)
            {
                // Not this secret, or a malformed header: try the next secret.
            }
        }

        return StripeSignatureCheck.Invalid(outsideTolerance
            ? $"The {HeaderName} timestamp is more than {tolerance} seconds from now (a replayed or delayed event)."
            : $"The {HeaderName} header carries no valid signature for a configured webhook secret.");
    }
}
