using System.Text.Json.Serialization;
using Dixis.Contracts.Orders.V1;

namespace Dixis.Orders.Model;

/// <summary>
/// One order as stored: the contract's <see cref="Contracts.Orders.V1.Order"/> and its current
/// <see cref="Contracts.Orders.V1.Payment"/> (one payment per order: a failed payment fails the order), plus the
/// indexed and internal fields next to them. Every change is a versioned replace of the whole document, so the
/// order, its payment and the processed event ids change together or not at all.
/// </summary>
public sealed class OrderDocument
{
    /// <summary>The customer (indexed: customers list their own).</summary>
    public required string CustomerUserId { get; set; }

    /// <summary>The order's state as its C# enum name (indexed: admin filter, expiry sweep).</summary>
    public required OrderState State { get; set; }

    /// <summary>Checkout progress (indexed: only placed orders are visible; recovery finds stuck ones).</summary>
    public required CheckoutStage Stage { get; set; }

    /// <summary>When the order was created (Unix ms; indexed for newest-first lists and recovery).</summary>
    public required long CreateTimeMs { get; set; }

    /// <summary>For unpaid card and bank-transfer orders: when they expire (Unix ms; indexed for the sweeper).</summary>
    public long? ExpireTimeMs { get; set; }

    /// <summary>
    /// <c>&lt;customer&gt;:&lt;request_id&gt;</c> of the PlaceOrder that created it (unique): a retry, a concurrent
    /// duplicate or the recovery job finds the order by it instead of creating a second one. Cleared when abandoned.
    /// </summary>
    public string? CheckoutKey { get; set; }

    /// <summary>The hash of the PlaceOrder request, to tell a retry from a reuse of the key.</summary>
    public required string CheckoutFingerprint { get; set; }

    /// <summary>The cart the order was placed from, emptied of the ordered lines once the order is placed.</summary>
    public required string CartId { get; set; }

    /// <summary>The payment's id (indexed: GetPayment).</summary>
    public required string PaymentId { get; set; }

    /// <summary>The request id of the bank-transfer confirmation that paid it, for its idempotent replay.</summary>
    public string? BankConfirmationRequestId { get; set; }

    /// <summary>The order as the API shows it (to admins and the customer).</summary>
    [JsonConverter(typeof(ProtoJsonConverter<Order>))]
    public required Order Order { get; set; }

    /// <summary>The order's payment.</summary>
    [JsonConverter(typeof(ProtoJsonConverter<Payment>))]
    public required Payment Payment { get; set; }

    /// <summary>Per parcel: packing, origin and cash-on-delivery amounts.</summary>
    public required List<ParcelLogistics> Logistics { get; set; }

    /// <summary>Shipment events already applied (RecordShipmentProgress is idempotent by event id).</summary>
    public List<string> AppliedEventIds { get; set; } = [];
}
