using System.ComponentModel.DataAnnotations;

namespace Dixis.Orders.Checkout;

/// <summary>Checkout (section <c>Orders:Checkout</c>).</summary>
public sealed class CheckoutOptions
{
    public const string SectionName = "Orders:Checkout";

    /// <summary>The currency every price of the market is in (ISO 4217).</summary>
    [Required, RegularExpression("^[A-Z]{3}$")]
    public string CurrencyCode { get; set; } = "EUR";

    /// <summary>How long a cash-on-delivery reservation is held before the commit effect must have run.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan CashOnDeliveryReservationTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How old an order stuck in stage Reserving must be before <see cref="CheckoutRecovery"/> resumes it: longer than a
    /// live checkout takes, so recovery never races a request still running.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RecoveryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often recovery looks for stuck checkouts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest customer note.</summary>
    public const int MaxNoteLength = 1000;
}
