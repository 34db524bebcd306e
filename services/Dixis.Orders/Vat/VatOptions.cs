using System.ComponentModel.DataAnnotations;
using Dixis.Contracts.Catalog.V1;

namespace Dixis.Orders.Vat;

/// <summary>
/// VAT rates in basis points per tax class (section <c>Orders:Vat</c>); Greek rates by default. A second market changes
/// configuration, not code.
/// </summary>
public sealed class VatOptions : IValidatableObject
{
    public const string SectionName = "Orders:Vat";

    /// <summary>Rate per <see cref="TaxClass"/> name without prefix: <c>STANDARD</c>, <c>REDUCED</c>, <c>SUPER_REDUCED</c>, <c>ZERO</c>.</summary>
    public Dictionary<string, int> Rates { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STANDARD"] = 2400,
        ["REDUCED"] = 1300,
        ["SUPER_REDUCED"] = 600,
        ["ZERO"] = 0,
    };

    /// <summary>The tax class of shipping and of the cash-on-delivery fee.</summary>
    public string ServicesTaxClass { get; set; } = "STANDARD";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (taxClass, rate) in Rates)
        {
            if (!Enum.TryParse<TaxClass>(taxClass.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) || parsed == TaxClass.Unspecified)
            {
                yield return new ValidationResult($"Orders:Vat:Rates: '{taxClass}' is not a tax class (STANDARD, REDUCED, SUPER_REDUCED, ZERO).", [nameof(Rates)]);
            }

            if (rate is < 0 or > 10000)
            {
                yield return new ValidationResult($"Orders:Vat:Rates:{taxClass}: {rate} is not a rate in basis points (0 to 10000).", [nameof(Rates)]);
            }
        }

        if (!Rates.ContainsKey(ServicesTaxClass))
        {
            yield return new ValidationResult($"Orders:Vat:ServicesTaxClass: '{ServicesTaxClass}' has no rate in Orders:Vat:Rates.", [nameof(ServicesTaxClass)]);
        }
    }
}
