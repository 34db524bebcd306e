using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Common.V1;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Auth.Addresses;

/// <summary>
/// The fields <c>UpdateAddress</c> may change, and how a mask applies them: <c>label</c>, <c>default_shipping</c>,
/// <c>postal_address</c> as a whole or one of its fields (<c>postal_address.phone_number</c>), or <c>*</c> for all.
/// Output-only fields are refused by name (FIELD_NOT_WRITABLE), so a caller learns at once that they cannot change.
/// </summary>
public static class AddressUpdateMask
{
    private const string PostalAddressPrefix = "postal_address.";

    private static readonly string[] Writable = ["label", "postal_address", "default_shipping"];

    private static readonly HashSet<string> PostalAddressFields = new(StringComparer.Ordinal)
    {
        "region_code", "postal_code", "locality", "administrative_area", "address_lines", "recipient_name", "phone_number", "delivery_notes",
    };

    private static readonly HashSet<string> OutputOnly = new(StringComparer.Ordinal) { "id", "create_time", "update_time", "etag" };

    /// <summary>The writable paths the mask names, or INVALID_ARGUMENT naming <c>update_mask</c> with every bad path.</summary>
    public static IReadOnlyList<string> Paths(FieldMask? mask)
    {
        var violations = new FieldViolations();
        if (mask is null || mask.Paths.Count == 0)
        {
            violations.Add("update_mask", $"is required: name the fields to change, e.g. 'label,postal_address.phone_number', or '*' for {string.Join(", ", Writable)}.");
            violations.ThrowIfAny(AddressErrors.Domain);
        }

        var paths = new List<string>();
        foreach (var path in mask!.Paths)
        {
            if (path == "*")
            {
                paths.AddRange(Writable);
            }
            else if (Writable.Contains(path) || (path.StartsWith(PostalAddressPrefix, StringComparison.Ordinal) && PostalAddressFields.Contains(path[PostalAddressPrefix.Length..])))
            {
                paths.Add(path);
            }
            else if (OutputOnly.Contains(path))
            {
                violations.Add("update_mask", $"'{path}' is output only and cannot be changed.", RpcErrors.FieldNotWritableReason);
            }
            else
            {
                var shown = path.Length <= 64 ? path : path[..64] + "…";
                violations.Add("update_mask", $"'{shown}' is not a field of Address that can be updated; use any of {string.Join(", ", Writable)} or postal_address.<field>.");
            }
        }

        violations.ThrowIfAny(AddressErrors.Domain);
        return paths.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Copies the masked fields from <paramref name="source"/> onto <paramref name="target"/>; a whole <c>postal_address</c> first, then single fields.</summary>
    public static void Apply(IReadOnlyList<string> paths, Address source, Address target)
    {
        foreach (var path in paths.OrderBy(path => path.StartsWith(PostalAddressPrefix, StringComparison.Ordinal) ? 1 : 0))
        {
            switch (path)
            {
                case "label": target.Label = source.Label; break;
                case "default_shipping": target.DefaultShipping = source.DefaultShipping; break;
                case "postal_address": target.PostalAddress = source.PostalAddress?.Clone(); break;
                default: ApplyPostalField(path[PostalAddressPrefix.Length..], source.PostalAddress ?? new PostalAddress(), target.PostalAddress ??= new PostalAddress()); break;
            }
        }
    }

    private static void ApplyPostalField(string field, PostalAddress source, PostalAddress target)
    {
        switch (field)
        {
            case "region_code": target.RegionCode = source.RegionCode; break;
            case "postal_code": target.PostalCode = source.PostalCode; break;
            case "locality": target.Locality = source.Locality; break;
            case "administrative_area": target.AdministrativeArea = source.AdministrativeArea; break;
            case "address_lines":
                target.AddressLines.Clear();
                target.AddressLines.AddRange(source.AddressLines);
                break;
            case "recipient_name": target.RecipientName = source.RecipientName; break;
            case "phone_number": target.PhoneNumber = source.PhoneNumber; break;
            case "delivery_notes": target.DeliveryNotes = source.DeliveryNotes; break;
            default: throw new InvalidOperationException($"Path 'postal_address.{field}' is writable but not applied.");
        }
    }
}
