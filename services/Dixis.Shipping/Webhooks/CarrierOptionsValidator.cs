using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Dixis.Shipping.Webhooks;

/// <summary>Refuses to start with a carrier id webhooks could not be addressed by, or a webhook secret too short to resist guessing.</summary>
public sealed partial class CarrierOptionsValidator : IValidateOptions<CarrierOptions>
{
    public const int MinSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, CarrierOptions options)
    {
        var failures = new List<string>();
        foreach (var (carrierId, settings) in options.Carriers)
        {
            if (!CarrierId().IsMatch(carrierId))
            {
                failures.Add($"Shipping:Carriers:{carrierId}: a carrier id is 1 to 64 lowercase letters, digits and '-'.");
            }

            CheckSecret(failures, carrierId, nameof(CarrierSettings.WebhookSecret), settings.WebhookSecret);
            CheckSecret(failures, carrierId, nameof(CarrierSettings.PreviousWebhookSecret), settings.PreviousWebhookSecret);
            if (!string.IsNullOrEmpty(settings.PreviousWebhookSecret) && string.IsNullOrEmpty(settings.WebhookSecret))
            {
                failures.Add($"Shipping:Carriers:{carrierId}:PreviousWebhookSecret is set without a WebhookSecret: a rotation needs the new secret too.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckSecret(List<string> failures, string carrierId, string setting, string? secret)
    {
        // The secret's value never appears in a message, only its length.
        if (secret is { Length: > 0 } && (secret.Length < MinSecretLength || secret.Trim().Length != secret.Length))
        {
            failures.Add($"Shipping:Carriers:{carrierId}:{setting} must be at least {MinSecretLength} characters without surrounding spaces (it has {secret.Length}).");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex CarrierId();
}
