using Microsoft.Extensions.Options;

namespace Dixis.Orders.Payments.Cards;

/// <summary>
/// Checks <see cref="StripeOptions"/> at start. Unconfigured (no secret key) is valid: card payments are then reported
/// unavailable. Configured, everything a payment needs must be there, and keys must be of the right kind and mode, so
/// a swapped or test/live-mixed key fails the start instead of the first customer's payment. Messages name settings,
/// never their values.
/// </summary>
public sealed class StripeOptionsValidator : IValidateOptions<StripeOptions>
{
    private static readonly TimeSpan MinimumTolerance = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaximumTolerance = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(4);
    private static readonly TimeSpan MaximumRetention = TimeSpan.FromDays(400);

    public ValidateOptionsResult Validate(string? name, StripeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];

        if (options.SignatureTolerance < MinimumTolerance || options.SignatureTolerance > MaximumTolerance)
        {
            failures.Add($"{StripeOptions.SectionName}:SignatureTolerance must be between 1 second and 1 hour (Stripe's default is 300 seconds).");
        }

        if (options.HandledEventRetention < MinimumRetention || options.HandledEventRetention > MaximumRetention)
        {
            failures.Add($"{StripeOptions.SectionName}:HandledEventRetention must be between 4 and 400 days (Stripe redelivers an event for up to 3 days).");
        }

        if (options.MaxNetworkRetries is < 0 or > 10)
        {
            failures.Add($"{StripeOptions.SectionName}:MaxNetworkRetries must be between 0 and 10.");
        }

        if (options.RequestTimeout < TimeSpan.FromSeconds(1) || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{StripeOptions.SectionName}:RequestTimeout must be between 1 second and 5 minutes.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiBase)
            && !(Uri.TryCreate(options.ApiBase, UriKind.Absolute, out var apiBase) && (apiBase.Scheme == Uri.UriSchemeHttps || apiBase.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add($"{StripeOptions.SectionName}:ApiBase must be an absolute http or https address when set.");
        }

        if (options.IsConfigured)
        {
            ValidateKeys(options, failures);
        }
        else if (!string.IsNullOrWhiteSpace(options.PublishableKey) || options.WebhookSecrets.Count > 0)
        {
            failures.Add($"{StripeOptions.SectionName}:SecretKey is missing while the publishable key or webhook secrets are set; set it, or remove them to run without card payments.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateKeys(StripeOptions options, List<string> failures)
    {
        var secretKey = options.SecretKey!.Trim();
        var secretMode = Mode(secretKey, "sk_") ?? Mode(secretKey, "rk_");
        if (secretMode is null)
        {
            failures.Add($"{StripeOptions.SectionName}:SecretKey must be a secret key (sk_test_…, sk_live_…) or a restricted key (rk_…).");
        }

        if (string.IsNullOrWhiteSpace(options.PublishableKey))
        {
            failures.Add($"{StripeOptions.SectionName}:PublishableKey is required when SecretKey is set (Stripe.js needs it to confirm payments).");
        }
        else if (Mode(options.PublishableKey.Trim(), "pk_") is not { } publishableMode)
        {
            failures.Add($"{StripeOptions.SectionName}:PublishableKey must be a publishable key (pk_test_…, pk_live_…).");
        }
        else if (secretMode is not null && secretMode != publishableMode)
        {
            failures.Add($"{StripeOptions.SectionName}: SecretKey is a {secretMode} key and PublishableKey a {publishableMode} key; both must be test keys or both live keys.");
        }

        var secrets = options.WebhookSecrets.Where(secret => !string.IsNullOrWhiteSpace(secret)).ToList();
        if (secrets.Count == 0)
        {
            failures.Add($"{StripeOptions.SectionName}:WebhookSecrets needs at least one signing secret (whsec_…) when SecretKey is set: without it no payment could ever be confirmed.");
        }
        else if (secrets.Any(secret => !secret.Trim().StartsWith("whsec_", StringComparison.Ordinal)))
        {
            failures.Add($"{StripeOptions.SectionName}:WebhookSecrets must all be webhook signing secrets (whsec_…).");
        }
    }

    /// <summary>The key's mode, <c>test</c> or <c>live</c>, when it has this prefix; null when it is not that kind of key.</summary>
    private static string? Mode(string key, string prefix)
    {
        if (!key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = key[prefix.Length..];
        return rest.StartsWith("live_", StringComparison.Ordinal) ? "live"
            : rest.StartsWith("test_", StringComparison.Ordinal) ? "test"
            : null;
    }
}
