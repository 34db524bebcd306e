using System.Collections.Frozen;
using Dixis.Contracts.Shipping.V1;

namespace Dixis.Shipping.Model;

/// <summary>The shipping service's error domain and reason names, shared by rates and shipments.</summary>
public static class ShippingErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every shipping error.</summary>
    public const string Domain = "dixis.shipping";

    /// <summary>The common reason of a resource that does not exist (<c>dixis.common.v1.ErrorReason.NOT_FOUND</c>).</summary>
    public const string NotFoundReason = "NOT_FOUND";

    /// <summary>The reason's name as sent: <c>ERROR_REASON_PARCEL_TOO_HEAVY</c> → <c>PARCEL_TOO_HEAVY</c>.</summary>
    public static string Reason(ErrorReason reason) => ReasonNames[reason];

    private static readonly FrozenDictionary<ErrorReason, string> ReasonNames =
        ErrorReasonReflection.Descriptor.EnumTypes[0].Values
            .ToDictionary(value => (ErrorReason)value.Number, value => value.Name["ERROR_REASON_".Length..])
            .ToFrozenDictionary();
}
