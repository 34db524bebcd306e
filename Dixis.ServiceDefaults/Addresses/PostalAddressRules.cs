using System.Text.RegularExpressions;
using Dixis.Contracts.Common.V1;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.ServiceDefaults.Addresses;

/// <summary>
/// What a <see cref="PostalAddress"/> must be to go on a parcel label, a carrier's booking and a rate lookup: the one set
/// of rules for every service that takes one (the Auth address book, checkout), so an address saved in the book is
/// always one checkout accepts. Every bad field is reported at once, by its request path.
/// </summary>
public static partial class PostalAddressRules
{
    public const int MaxAddressLines = 4;
    public const int MaxAddressLineLength = 200;
    public const int MaxRecipientNameLength = 100;
    public const int MaxLocalityLength = 100;
    public const int MaxAdministrativeAreaLength = 100;
    public const int MaxDeliveryNotesLength = 500;

    /// <summary>The length of a postal code in a region without a known shape.</summary>
    public const int MaxPostalCodeLength = 16;

    /// <summary>A CLDR region code: two upper-case letters, e.g. <c>GR</c>.</summary>
    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    public static partial Regex RegionCode();

    /// <summary>An E.164 phone number: <c>+</c>, a country code not starting with 0, 7 to 15 digits in all.</summary>
    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    public static partial Regex PhoneNumber();

    /// <summary>
    /// Adds the faults of <paramref name="address"/> to <paramref name="violations"/>, named below <paramref name="prefix"/>
    /// (e.g. <c>shipping_address.locality</c>).
    /// </summary>
    /// <param name="violations">Where the faults go.</param>
    /// <param name="address">The address.</param>
    /// <param name="prefix">The request path of the address.</param>
    /// <param name="postalCodeShapes">
    /// The postal-code pattern per region code, where the caller knows them (the address book's configuration); without
    /// one, only the length is checked (checkout leaves the shape to the Shipping service, which knows its zones).
    /// </param>
    public static void Validate(FieldViolations violations, PostalAddress address, string prefix, IReadOnlyDictionary<string, Regex>? postalCodeShapes = null)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(address);
        var regionKnown = true;
        if (string.IsNullOrEmpty(address.RegionCode))
        {
            violations.Add($"{prefix}.region_code", "is required: the CLDR region code of the country, e.g. 'GR'.");
            regionKnown = false;
        }
        else if (!RegionCode().IsMatch(address.RegionCode))
        {
            violations.Add($"{prefix}.region_code", $"'{Shorten(address.RegionCode)}' is not a CLDR region code: use two upper-case letters, e.g. 'GR'.");
            regionKnown = false;
        }

        var postalCode = address.PostalCode.Trim();
        if (postalCode.Length == 0)
        {
            violations.Add($"{prefix}.postal_code", "is required.");
        }
        else if (regionKnown && postalCodeShapes is not null && postalCodeShapes.TryGetValue(address.RegionCode, out var shape))
        {
            if (!shape.IsMatch(postalCode))
            {
                // The value itself is personal data: the description names the expected shape, never echoes the code.
                violations.Add($"{prefix}.postal_code", $"is not a postal code of {address.RegionCode} (expected the shape {shape}).");
            }
        }
        else if (postalCode.Length > MaxPostalCodeLength)
        {
            violations.Add($"{prefix}.postal_code", $"is {postalCode.Length} characters long; the maximum is {MaxPostalCodeLength}.");
        }

        Required(violations, $"{prefix}.locality", address.Locality, MaxLocalityLength);
        MaxLength(violations, $"{prefix}.administrative_area", address.AdministrativeArea, MaxAdministrativeAreaLength);
        if (address.AddressLines.Count is 0 or > MaxAddressLines)
        {
            violations.Add($"{prefix}.address_lines", $"has {address.AddressLines.Count} lines; give 1 to {MaxAddressLines}.");
        }

        for (var i = 0; i < address.AddressLines.Count; i++)
        {
            Required(violations, $"{prefix}.address_lines[{i}]", address.AddressLines[i], MaxAddressLineLength);
        }

        Required(violations, $"{prefix}.recipient_name", address.RecipientName, MaxRecipientNameLength);
        if (address.PhoneNumber.Length > 0 && !PhoneNumber().IsMatch(address.PhoneNumber))
        {
            violations.Add($"{prefix}.phone_number", "must be in E.164 form: '+', the country code and the number, digits only, e.g. '+302101234567'.");
        }

        MaxLength(violations, $"{prefix}.delivery_notes", address.DeliveryNotes, MaxDeliveryNotesLength);
    }

    /// <summary>A required text field: present, and not longer than <paramref name="maxLength"/> once trimmed.</summary>
    public static void Required(FieldViolations violations, string field, string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "is required.");
        }
        else
        {
            MaxLength(violations, field, value, maxLength);
        }
    }

    /// <summary>An optional text field: not longer than <paramref name="maxLength"/> once trimmed.</summary>
    public static void MaxLength(FieldViolations violations, string field, string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Trim().Length > maxLength)
        {
            violations.Add(field, $"is {value.Trim().Length} characters long; the maximum is {maxLength}.");
        }
    }

    /// <summary>Bad values are echoed back to help the caller, but never at full length.</summary>
    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
