using Dixis.Orders.Payments.Cards;
using Dixis.Orders.Webhooks;
using Dixis.Testing.Stripe;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dixis.Services.Tests.Orders.Payments.Stripe;

/// <summary>
/// The webhook's signature check, on the service clock: events signed by the test per Stripe's documented scheme
/// (<see cref="StripeWebhookSigner"/>, written independently of the code under test).
/// </summary>
public sealed class StripeSignatureVerificationTests
{
    private const string OldSecret = "whsec_oldSigningSecretBeingRolledOut";
    private const string NewSecret = "whsec_newSigningSecretBeingRolledIn";

    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);
    private static readonly string Payload = StripeWebhookSigner.Event("payment_intent.succeeded", new() { ["id"] = "pi_123", ["object"] = "payment_intent" }, Now).Json;

    private readonly FakeTimeProvider clock = new(Now);

    private StripeSignatureVerifier Verifier(params string[] secrets) =>
        new(Options.Create(new StripeOptions { WebhookSecrets = [.. secrets] }), clock);

    [Fact]
    public void A_correctly_signed_event_is_accepted()
    {
        var check = Verifier(FakeStripeApi.WebhookSecret).Verify(Payload, StripeWebhookSigner.Sign(Payload, Now, FakeStripeApi.WebhookSecret));

        Assert.True(check.IsValid, check.Problem);
    }

    [Fact]
    public void A_tampered_body_is_rejected()
    {
        var header = StripeWebhookSigner.Sign(Payload, Now, FakeStripeApi.WebhookSecret);

        var check = Verifier(FakeStripeApi.WebhookSecret).Verify(Payload.Replace("succeeded", "canceled", StringComparison.Ordinal), header);

        Assert.False(check.IsValid);
        Assert.Equal("The Stripe-Signature header carries no valid signature for a configured webhook secret.", check.Problem);
    }

    [Fact]
    public void A_signature_by_another_secret_is_rejected()
    {
        var check = Verifier(FakeStripeApi.WebhookSecret).Verify(Payload, StripeWebhookSigner.Sign(Payload, Now, "whsec_someoneElsesSecret"));

        Assert.False(check.IsValid);
    }

    [Fact]
    public void During_a_secret_roll_an_event_signed_with_either_secret_is_accepted()
    {
        var verifier = Verifier(OldSecret, NewSecret);

        Assert.True(verifier.Verify(Payload, StripeWebhookSigner.Sign(Payload, Now, OldSecret)).IsValid);
        Assert.True(verifier.Verify(Payload, StripeWebhookSigner.Sign(Payload, Now, NewSecret)).IsValid);
        Assert.True(verifier.Verify(Payload, StripeWebhookSigner.Sign(Payload, Now, "whsec_unrelated", NewSecret)).IsValid);
    }

    [Fact]
    public void An_event_signed_longer_ago_than_the_tolerance_is_a_replay()
    {
        var header = StripeWebhookSigner.Sign(Payload, Now, FakeStripeApi.WebhookSecret);
        var verifier = Verifier(FakeStripeApi.WebhookSecret);

        clock.Advance(TimeSpan.FromSeconds(300));
        Assert.True(verifier.Verify(Payload, header).IsValid, "300 s is still within the tolerance.");

        clock.Advance(TimeSpan.FromSeconds(1));
        var check = verifier.Verify(Payload, header);

        Assert.False(check.IsValid);
        Assert.Equal("The Stripe-Signature timestamp is more than 300 seconds from now (a replayed or delayed event).", check.Problem);
    }

    [Fact]
    public void An_event_signed_in_the_future_is_rejected()
    {
        var check = Verifier(FakeStripeApi.WebhookSecret).Verify(Payload, StripeWebhookSigner.Sign(Payload, Now.AddMinutes(10), FakeStripeApi.WebhookSecret));

        Assert.False(check.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_header_is_rejected(string? header)
    {
        var check = Verifier(FakeStripeApi.WebhookSecret).Verify(Payload, header);

        Assert.False(check.IsValid);
        Assert.Equal("The Stripe-Signature header is missing.", check.Problem);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("t=,v1=")]
    [InlineData("t=notanumber,v1=00")]
    [InlineData("v1=abcdef")]
    public void A_malformed_header_is_rejected(string header)
    {
        Assert.False(Verifier(FakeStripeApi.WebhookSecret).Verify(Payload, header).IsValid);
    }

    [Fact]
    public void Without_a_configured_secret_nothing_is_accepted()
    {
        var check = Verifier().Verify(Payload, StripeWebhookSigner.Sign(Payload, Now, FakeStripeApi.WebhookSecret));

        Assert.False(check.IsValid);
        Assert.Equal("No webhook signing secret is configured (Orders:Stripe:WebhookSecrets).", check.Problem);
    }
}
