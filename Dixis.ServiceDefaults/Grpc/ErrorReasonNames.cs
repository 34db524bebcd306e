using System.Collections.Frozen;
using Google.Protobuf.Reflection;

namespace Dixis.ServiceDefaults.Grpc;

/// <summary>
/// A service's <c>ErrorReason</c> enum as sent in <c>ErrorInfo.reason</c>: the value's proto name without the
/// <c>ERROR_REASON_</c> prefix (<c>ERROR_REASON_CART_NOT_FOUND</c> → <c>CART_NOT_FOUND</c>), read from the contract once.
/// </summary>
public static class ErrorReasonNames
{
    private const string Prefix = "ERROR_REASON_";

    /// <summary>Every value of <paramref name="reasons"/> (the enum's descriptor) and its name as sent.</summary>
    public static FrozenDictionary<TReason, string> Of<TReason>(EnumDescriptor reasons)
        where TReason : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return reasons.Values.ToFrozenDictionary(
            value => (TReason)Enum.ToObject(typeof(TReason), value.Number),
            value => value.Name.StartsWith(Prefix, StringComparison.Ordinal) ? value.Name[Prefix.Length..] : value.Name);
    }
}
