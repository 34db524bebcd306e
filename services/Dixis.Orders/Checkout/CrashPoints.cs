using Microsoft.Extensions.Options;

namespace Dixis.Orders.Checkout;

/// <summary>
/// TEST-ONLY switch (section <c>Orders:CrashPoints</c>, a list of names): at a named point the process kills itself
/// with <see cref="Environment.FailFast(string)"/>, so the crash tests can prove an order converges after a restart.
/// Empty (the default) in every real deployment; nothing happens unless a name is explicitly configured.
/// </summary>
public sealed partial class CrashPoints(IOptions<CrashPointOptions> options, ILogger<CrashPoints> logger)
{
    /// <summary>After the order is stored in stage Reserving, before ReserveStock.</summary>
    public const string CheckoutAfterInsert = "checkout.after-insert";

    /// <summary>After the catalog reserved the stock, before the order is placed.</summary>
    public const string CheckoutAfterReservation = "checkout.after-reservation";

    /// <summary>After the card PaymentIntent was created, before the order is placed.</summary>
    public const string CheckoutAfterPaymentIntent = "checkout.after-payment-intent";

    /// <summary>After the order was paid by card or bank transfer (and its effects enqueued), before any effect ran.</summary>
    public const string PaymentBeforeShipmentEffects = "payment.before-shipment-effects";

    /// <summary>After Shipping created a shipment, before the outbox message is marked done.</summary>
    public const string EffectsAfterCreateShipment = "effects.after-create-shipment";

    public static IReadOnlyList<string> All { get; } =
        [CheckoutAfterInsert, CheckoutAfterReservation, CheckoutAfterPaymentIntent, PaymentBeforeShipmentEffects, EffectsAfterCreateShipment];

    public void Reach(string name)
    {
        if (options.Value.Names.Contains(name, StringComparer.Ordinal))
        {
            LogCrashing(logger, name);
            Environment.FailFast($"Orders:CrashPoints: crash point '{name}' reached (test-only switch).");
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Crash point {Name} reached: the process kills itself (Orders:CrashPoints is a test-only switch)")]
    private static partial void LogCrashing(ILogger logger, string name);
}

/// <summary>The configured crash points (test-only).</summary>
public sealed class CrashPointOptions
{
    public const string SectionName = "Orders:CrashPoints";

    public List<string> Names { get; set; } = [];
}
