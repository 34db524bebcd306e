namespace Dixis.Orders.Model;

/// <summary>
/// Where an order is in checkout. Only <see cref="Placed"/> orders are visible to anyone; the others exist so that a
/// crash between reserving stock and placing the order converges (see <c>CheckoutRecovery</c>).
/// </summary>
public enum CheckoutStage
{
    /// <summary>Priced and stored; stock is being reserved (or was, when the process died right after).</summary>
    Reserving,

    /// <summary>Stock held and payment started: the order is visible and follows its state machine.</summary>
    Placed,

    /// <summary>Checkout failed (out of stock, payment provider down): invisible, any reservation released.</summary>
    Abandoned,
}
