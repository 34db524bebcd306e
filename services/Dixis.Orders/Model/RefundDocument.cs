using System.Text.Json.Serialization;
using Dixis.Contracts.Orders.V1;

namespace Dixis.Orders.Model;

/// <summary>A refund as stored (id = refund id), with the idempotency key that created it.</summary>
public sealed class RefundDocument
{
    /// <summary>The order refunded (indexed with the time: ListRefunds).</summary>
    public required string OrderId { get; set; }

    public required long CreateTimeMs { get; set; }

    /// <summary><c>&lt;admin&gt;:&lt;request_id&gt;</c> (unique): a retried CreateRefund finds this refund instead of refunding twice.</summary>
    public string? RequestKey { get; set; }

    /// <summary>The hash of the CreateRefund request, to tell a retry from a reuse of the key.</summary>
    public required string RequestFingerprint { get; set; }

    /// <summary>The line quantities refunded, applied to the order's lines when the refund is created.</summary>
    public List<RefundLineQuantity> Lines { get; set; } = [];

    [JsonConverter(typeof(ProtoJsonConverter<Refund>))]
    public required Refund Refund { get; set; }
}

/// <summary>Units of one order line in a refund.</summary>
public sealed record RefundLineQuantity(string OrderLineId, long Quantity);
