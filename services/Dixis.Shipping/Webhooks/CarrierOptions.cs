namespace Dixis.Shipping.Webhooks;

/// <summary>Per-carrier settings (section <c>Shipping:Carriers:&lt;carrier id&gt;</c>), checked at start by <see cref="CarrierOptionsValidator"/>.</summary>
public sealed class CarrierOptions
{
    public const string SectionName = "Shipping";

    /// <summary>By carrier id as the rate tables name it, e.g. <c>Shipping:Carriers:dixis-courier:WebhookSecret</c>.</summary>
    public Dictionary<string, CarrierSettings> Carriers { get; } = new(StringComparer.Ordinal);
}

/// <summary>One carrier's settings.</summary>
public sealed class CarrierSettings
{
    /// <summary>
    /// The shared secret the carrier signs its webhooks with (HMAC-SHA256); at least 32 characters. Without one, the
    /// carrier's webhooks are refused. A secret: from configuration or a secret store, never logged.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// While a secret is rotated: the secret being retired, still accepted so that the carrier can switch at its own pace
    /// (each webhook signed with it is logged); remove it once the carrier signs with <see cref="WebhookSecret"/> only.
    /// </summary>
    public string? PreviousWebhookSecret { get; set; }

    /// <summary>The secrets a webhook of this carrier may be signed with: the current one first.</summary>
    public IEnumerable<string> AcceptedSecrets()
    {
        if (!string.IsNullOrEmpty(WebhookSecret))
        {
            yield return WebhookSecret;
            if (!string.IsNullOrEmpty(PreviousWebhookSecret))
            {
                yield return PreviousWebhookSecret;
            }
        }
    }
}
