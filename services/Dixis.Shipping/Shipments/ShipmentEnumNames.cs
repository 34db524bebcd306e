using System.Collections.Frozen;
using Dixis.Contracts.Shipping.V1;
using Google.Protobuf.Reflection;

namespace Dixis.Shipping.Shipments;

/// <summary>The contract's names of <c>shipment.proto</c>'s enum values without their prefix, as errors and webhooks spell them.</summary>
internal static class ShipmentEnumNames
{
    public static FrozenDictionary<TEnum, string> Of<TEnum>(string enumName, string prefix)
        where TEnum : struct, Enum =>
        ShipmentReflection.Descriptor.FindTypeByName<EnumDescriptor>(enumName).Values
            .ToDictionary(value => (TEnum)Enum.ToObject(typeof(TEnum), value.Number), value => value.Name[prefix.Length..])
            .ToFrozenDictionary();
}
