using System.Text.RegularExpressions;
using Dixis.Catalog.Products;
using Dixis.Catalog.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Catalog.Producers;

/// <summary>Checks a producer as it would be stored and reports every bad field at once.</summary>
public static partial class ProducerValidator
{
    public const int MaxDisplayNameLength = 200;

    public static FieldViolations Validate(Producer producer, string prefix = "producer")
    {
        var violations = new FieldViolations();
        if (string.IsNullOrEmpty(producer.Slug))
        {
            violations.Add($"{prefix}.slug", "is required.");
        }
        else if (!ProductRules.Slug().IsMatch(producer.Slug))
        {
            violations.Add($"{prefix}.slug", $"'{LocalizedTextRules.Shorten(producer.Slug)}' is not a slug: use 3 to 120 lower-case letters, digits and single hyphens.");
        }

        if (string.IsNullOrWhiteSpace(producer.DisplayName))
        {
            violations.Add($"{prefix}.display_name", "is required.");
        }
        else if (producer.DisplayName.Length > MaxDisplayNameLength)
        {
            violations.Add($"{prefix}.display_name", $"is {producer.DisplayName.Length} characters long; the maximum is {MaxDisplayNameLength}.");
        }

        LocalizedTextRules.Check(violations, $"{prefix}.description", producer.Description, ProductRules.MaxDescriptionLength, requiredLanguage: null);
        LocalizedTextRules.Check(violations, $"{prefix}.region", producer.Region, ProductRules.MaxLabelLength, requiredLanguage: null);
        if (producer.LogoUri.Length > 0
            && (producer.LogoUri.Length > ProductRules.MaxUriLength || !Uri.TryCreate(producer.LogoUri, UriKind.Absolute, out var logo) || logo.Scheme != Uri.UriSchemeHttps))
        {
            violations.Add($"{prefix}.logo_uri", "must be an absolute https URL of at most 2048 characters.");
        }

        if (producer.OriginPostalCode.Length > 0 && !PostalCode().IsMatch(producer.OriginPostalCode))
        {
            violations.Add($"{prefix}.origin_postal_code", "must be 2 to 10 letters, digits, spaces or hyphens.");
        }

        if (producer.OriginRegionCode.Length > 0 && !RegionCode().IsMatch(producer.OriginRegionCode))
        {
            violations.Add($"{prefix}.origin_region_code", "must be a CLDR region code such as 'GR'.");
        }

        if (!Enum.IsDefined(producer.State))
        {
            violations.Add($"{prefix}.state", $"{(int)producer.State} is not a producer state.");
        }

        return violations;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCode();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionCode();
}
