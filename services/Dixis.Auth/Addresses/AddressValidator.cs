using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Common.V1;
using Dixis.ServiceDefaults.Addresses;
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
        PostalAddressRules.MaxLength(violations, $"{prefix}.label", address.Label, AddressRules.MaxLabelLength);
        if (address.PostalAddress is null)
        {
            violations.Add($"{prefix}.postal_address", "is required.");
            return violations;
        }

        Validate(violations, address.PostalAddress, $"{prefix}.postal_address");
        return violations;
    }

    private void Validate(FieldViolations violations, PostalAddress postal, string prefix) =>
        PostalAddressRules.Validate(violations, postal, prefix, postalCodeShapes);
}
