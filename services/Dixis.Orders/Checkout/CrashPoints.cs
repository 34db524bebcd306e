using Microsoft.Extensions.Options;

namespace Dixis.Orders.Checkout;

/// <summary>
/// TEST-ONLY switch (<c>Orders:CrashPoints:ArmDirectory</c>): at a named point the process kills itself with
/// <see cref="Environment.FailFast(string)"/> when a file of that name is in the arm directory, so the crash tests can
/// prove an order converges after a restart. The file is deleted before the crash: a point fires once per arming, and
/// the restarted process (which resumes the same checkout) does not crash again. Unset (the default) in every real
/// deployment: nothing is read and nothing happens.
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
        if (options.Value.ArmDirectory is not { Length: > 0 } directory)
        {
            return;
        }

        var armed = new FileInfo(Path.Combine(directory, name));
        if (!armed.Exists)
        {
            return;
        }

        // Disarm first: the restarted process passes this point again while it resumes the same order.
        armed.Delete();
        LogCrashing(logger, name);
        Environment.FailFast($"Orders:CrashPoints: crash point '{name}' reached (test-only switch).");
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Crash point {Name} reached: the process kills itself (Orders:CrashPoints is a test-only switch)")]
    private static partial void LogCrashing(ILogger logger, string name);
}

/// <summary>Where crash points are armed (test-only).</summary>
public sealed class CrashPointOptions
{
    public const string SectionName = "Orders:CrashPoints";

    /// <summary>A directory in which a file named after a crash point arms it; null (the default) disables every point.</summary>
    public string? ArmDirectory { get; set; }
}
