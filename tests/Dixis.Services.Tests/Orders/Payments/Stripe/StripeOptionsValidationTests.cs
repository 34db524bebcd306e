using Dixis.Orders.Payments.Cards;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Stripe;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dixis.Services.Tests.Orders.Payments.Stripe;

/// <summary><c>Orders:Stripe</c> is checked at start: unconfigured is fine, half-configured or mixed-up keys stop the service.</summary>
public sealed class StripeOptionsValidationTests
{
    private static readonly StripeOptionsValidator Validator = new();

    private static StripeOptions Configured() => new()
    {
        SecretKey = FakeStripeApi.SecretKey,
        PublishableKey = FakeStripeApi.PublishableKey,
        WebhookSecrets = [FakeStripeApi.WebhookSecret],
    };

    [Fact]
    public void Without_a_secret_key_card_payments_are_simply_off()
    {
        var result = Validator.Validate(null, new StripeOptions());

        Assert.True(result.Succeeded);
        Assert.False(new StripeOptions().IsConfigured);
    }

    [Fact]
    public void A_complete_configuration_is_valid()
    {
        Assert.True(Validator.Validate(null, Configured()).Succeeded);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(401)]
    public void Handled_events_are_kept_at_least_as_long_as_stripe_redelivers_them_and_at_most_400_days(int days)
    {
        var options = Configured();
        options.HandledEventRetention = TimeSpan.FromDays(days);

        AssertFails(options, "Orders:Stripe:HandledEventRetention must be between 4 and 400 days");
    }

    [Fact]
    public void A_secret_key_needs_a_publishable_key()
    {
        var options = Configured();
        options.PublishableKey = null;

        AssertFails(options, "Orders:Stripe:PublishableKey is required");
    }

    [Fact]
    public void A_secret_key_needs_at_least_one_webhook_secret()
    {
        var options = Configured();
        options.WebhookSecrets = [];

        AssertFails(options, "Orders:Stripe:WebhookSecrets needs at least one signing secret");
    }

    [Fact]
    public void Keys_in_the_wrong_settings_are_refused_without_showing_them()
    {
        var options = Configured();
        options.SecretKey = FakeStripeApi.PublishableKey;
        options.PublishableKey = FakeStripeApi.SecretKey;

        var failures = Failures(options);

        Assert.Contains(failures, failure => failure.StartsWith("Orders:Stripe:SecretKey must be a secret key", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("Orders:Stripe:PublishableKey must be a publishable key", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, failure => failure.Contains("dixisFakeStripe", StringComparison.Ordinal));
    }

    [Fact]
    public void Test_and_live_keys_are_not_mixed()
    {
        var options = Configured();
        options.PublishableKey = "pk_live_somethingLive";

        AssertFails(options, "Orders:Stripe: SecretKey is a test key and PublishableKey a live key");
    }

    [Fact]
    public void Webhook_secrets_must_be_signing_secrets()
    {
        var options = Configured();
        options.WebhookSecrets = [FakeStripeApi.WebhookSecret, "not-a-secret"];

        AssertFails(options, "Orders:Stripe:WebhookSecrets must all be webhook signing secrets");
    }

    [Fact]
    public void Webhook_secrets_without_a_secret_key_are_a_mistake()
    {
        AssertFails(new StripeOptions { WebhookSecrets = [FakeStripeApi.WebhookSecret] }, "Orders:Stripe:SecretKey is missing");
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("02:00:00")]
    public void The_signature_tolerance_is_bounded(string tolerance)
    {
        var options = Configured();
        options.SignatureTolerance = TimeSpan.Parse(tolerance, System.Globalization.CultureInfo.InvariantCulture);

        AssertFails(options, "Orders:Stripe:SignatureTolerance must be between 1 second and 1 hour");
    }

    [Fact]
    public void The_api_base_must_be_an_http_address()
    {
        var options = Configured();
        options.ApiBase = "api.stripe.com";

        AssertFails(options, "Orders:Stripe:ApiBase must be an absolute http or https address");
    }

    [Fact]
    public async Task The_orders_service_starts_without_stripe_keys()
    {
        await using var orders = DixisServices.Start("orders");

        var options = orders.Services.GetRequiredService<IOptions<StripeOptions>>().Value;

        Assert.False(options.IsConfigured);
    }

    [Fact]
    public async Task The_orders_service_refuses_to_start_with_half_the_stripe_settings()
    {
        var settings = new ServiceSettings { Values = { ["Orders:Stripe:SecretKey"] = FakeStripeApi.SecretKey } };
        await using var orders = DixisServices.Start("orders", settings);

        var error = Assert.Throws<OptionsValidationException>(() => orders.Services);

        Assert.Contains(error.Failures, failure => failure.StartsWith("Orders:Stripe:PublishableKey is required", StringComparison.Ordinal));
        Assert.DoesNotContain(FakeStripeApi.SecretKey, error.Message, StringComparison.Ordinal);
    }

    private static void AssertFails(StripeOptions options, string expectedStart) =>
        Assert.Contains(Failures(options), failure => failure.StartsWith(expectedStart, StringComparison.Ordinal));

    private static IReadOnlyList<string> Failures(StripeOptions options)
    {
        var result = Validator.Validate(null, options);
        Assert.True(result.Failed, "Expected the options to be refused.");
        return [.. result.Failures!];
    }
}
