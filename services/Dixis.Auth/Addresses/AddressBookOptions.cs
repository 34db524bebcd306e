using Dixis.ServiceDefaults.Addresses;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Dixis.Auth.Addresses;

/// <summary>Address book settings (configuration section <c>Auth:Addresses</c>), validated at start.</summary>
public sealed class AddressBookOptions : IValidatableObject
{
    public const string SectionName = "Auth:Addresses";

    /// <summary>How many addresses one user may keep.</summary>
    [Range(1, 1_000)]
    public int MaxAddressesPerUser { get; set; } = 50;

    /// <summary>
    /// The shape of a postal code per CLDR region code, as a regular expression the whole code must match. Markets
    /// are added here, not in code; a region without an entry accepts 1 to 16 characters.
    /// </summary>
    public Dictionary<string, string> PostalCodePatterns { get; set; } = new(StringComparer.Ordinal)
    {
        ["GR"] = "^[0-9]{5}$",
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (region, pattern) in PostalCodePatterns)
        {
            if (!PostalAddressRules.RegionCode().IsMatch(region))
            {
                yield return new ValidationResult($"Auth:Addresses:PostalCodePatterns: '{region}' is not a CLDR region code such as 'GR'.", [nameof(PostalCodePatterns)]);
            }

            if (!IsRegex(pattern))
            {
                yield return new ValidationResult($"Auth:Addresses:PostalCodePatterns:{region}: '{pattern}' is not a regular expression.", [nameof(PostalCodePatterns)]);
            }
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
