using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Common.V1;
using Dixis.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Addresses;

/// <summary>Checks an address as it would be stored and reports every bad field at once, by its request path.</summary>
public sealed class AddressValidator(IOptions<AddressBookOptions> options)
{
    private readonly FrozenDictionary<string, Regex> postalCodeShapes = options.Value.PostalCodePatterns
        .ToFrozenDictionary(entry => entry.Key, entry => new Regex(entry.Value, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)), StringComparer.Ordinal);

    /// <summary>The violations of <paramref name="address"/>, named below <paramref name="prefix"/> (<c>address.postal_address.locality</c>).</summary>
    public FieldViolations Validate(Address address, string prefix = "address")
    {
        var violations = new FieldViolations();
        MaxLength(violations, $"{prefix}.label", address.Label, AddressRules.MaxLabelLength);
        if (address.PostalAddress is null)
        {
            violations.Add($"{prefix}.postal_address", "is required.");
            return violations;
        }

        Validate(violations, address.PostalAddress, $"{prefix}.postal_address");
        return violations;
    }

    private void Validate(FieldViolations violations, PostalAddress postal, string prefix)
    {
        var regionKnown = true;
        if (string.IsNullOrEmpty(postal.RegionCode))
        {
            violations.Add($"{prefix}.region_code", "is required: the CLDR region code of the country, e.g. 'GR'.");
            regionKnown = false;
        }
        else if (!AddressRules.RegionCode().IsMatch(postal.RegionCode))
        {
            violations.Add($"{prefix}.region_code", $"'{Shorten(postal.RegionCode)}' is not a CLDR region code: use two upper-case letters, e.g. 'GR'.");
            regionKnown = false;
        }

        var postalCode = postal.PostalCode.Trim();
        if (postalCode.Length == 0)
        {
            violations.Add($"{prefix}.postal_code", "is required.");
        }
        else if (regionKnown && postalCodeShapes.TryGetValue(postal.RegionCode, out var shape))
        {
            if (!shape.IsMatch(postalCode))
            {
                // The value itself is personal data: the description names the expected shape, never echoes the code.
                violations.Add($"{prefix}.postal_code", $"is not a postal code of {postal.RegionCode} (expected the shape {shape}).");
            }
        }
        else if (postalCode.Length > AddressRules.MaxPostalCodeLength)
        {
            violations.Add($"{prefix}.postal_code", $"is {postalCode.Length} characters long; the maximum is {AddressRules.MaxPostalCodeLength}.");
        }

        Required(violations, $"{prefix}.locality", postal.Locality, AddressRules.MaxLocalityLength);
        MaxLength(violations, $"{prefix}.administrative_area", postal.AdministrativeArea, AddressRules.MaxAdministrativeAreaLength);
        if (postal.AddressLines.Count is 0 or > AddressRules.MaxAddressLines)
        {
            violations.Add($"{prefix}.address_lines", $"has {postal.AddressLines.Count} lines; give 1 to {AddressRules.MaxAddressLines}.");
        }

        for (var i = 0; i < postal.AddressLines.Count; i++)
        {
            Required(violations, $"{prefix}.address_lines[{i}]", postal.AddressLines[i], AddressRules.MaxAddressLineLength);
        }

        Required(violations, $"{prefix}.recipient_name", postal.RecipientName, AddressRules.MaxRecipientNameLength);
        if (postal.PhoneNumber.Length > 0 && !AddressRules.PhoneNumber().IsMatch(postal.PhoneNumber))
        {
            violations.Add($"{prefix}.phone_number", "must be in E.164 form: '+', the country code and the number, digits only, e.g. '+302101234567'.");
        }

        MaxLength(violations, $"{prefix}.delivery_notes", postal.DeliveryNotes, AddressRules.MaxDeliveryNotesLength);
    }

    private static void Required(FieldViolations violations, string field, string value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "is required.");
        }
        else
        {
            MaxLength(violations, field, value, maxLength);
        }
    }

    private static void MaxLength(FieldViolations violations, string field, string value, int maxLength)
    {
        if (value.Trim().Length > maxLength)
        {
            violations.Add(field, $"is {value.Trim().Length} characters long; the maximum is {maxLength}.");
        }
    }

    /// <summary>Bad values are echoed back to help the caller, but never at full length.</summary>
    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
