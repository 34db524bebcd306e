using System.Collections.Frozen;
using Dixis.Contracts.Shipping.V1;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Shipping.Model;

/// <summary>The shipping service's error domain and reason names, shared by rates and shipments.</summary>
public static class ShippingErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every shipping error.</summary>
    public const string Domain = "dixis.shipping";

    private static readonly FrozenDictionary<ErrorReason, string> ReasonNames =
        ErrorReasonNames.Of<ErrorReason>(ErrorReasonReflection.Descriptor.EnumTypes[0]);

    /// <summary>
    /// The reason's name as sent: <c>ERROR_REASON_PARCEL_TOO_HEAVY</c> → <c>PARCEL_TOO_HEAVY</c>. The one mapping of the
    /// <c>dixis.shipping</c> domain, used by rates, shipments and the carrier webhook.
    /// </summary>
    public static string Reason(ErrorReason reason) => ReasonNames[reason];
}
