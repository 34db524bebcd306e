namespace Dixis.Orders.Webhooks;

/// <summary>The verdict on a webhook signature; <see cref="Problem"/> says what was wrong (never a secret).</summary>
public sealed record StripeSignatureCheck(bool IsValid, string Problem)
{
    public static StripeSignatureCheck Valid { get; } = new(true, string.Empty);

    public static StripeSignatureCheck Invalid(string problem) => new(false, problem);
}
