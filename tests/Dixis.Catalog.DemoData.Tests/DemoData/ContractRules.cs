using System.Text.RegularExpressions;
using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.DemoData.Tests.DemoData;

/// <summary>
/// The rules <c>protos/dixis/catalog/v1/product.proto</c> documents for a product a client sends, written out
/// independently of the catalog's own validator, so the demo data is checked against the contract, not the code.
/// </summary>
internal static partial class ContractRules
{
    /// <summary>Every rule <paramref name="product"/> breaks, as "field: problem"; empty when it is valid.</summary>
    public static IReadOnlyList<string> Violations(Product product)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add($"{product.Slug}: {problem}");
            }
        }

        Check(Slug().IsMatch(product.Slug) && product.Slug.Length is >= 3 and <= 120, $"slug '{product.Slug}'");
        Check(product.Name.Values.TryGetValue("el", out var el) && el.Trim().Length > 0 && el.Length <= 200, "name.el required, at most 200 characters");
        Check(product.Name.Values.Values.All(n => n.Length <= 200), "name at most 200 characters");
        Check(product.Description.Values.Values.All(d => d.Length <= 10_000 && d.Trim().Length > 0), "description at most 10,000 characters, not blank");
        Check(product.CategoryId.Length > 0, "category_id required");
        Check(product.ProducerId.Length > 0, "producer_id required");
        Check(product.TaxClass != TaxClass.Unspecified, "tax_class required");
        Check(product.Status is ProductStatus.Active or ProductStatus.Draft, "status active or draft");
        Check(product.Attributes.All(a => AttributeKey().IsMatch(a.Key) && ValueCode().IsMatch(a.Value)), "attribute keys snake case, values codes");
        Check(product.Images.All(i => Uri.TryCreate(i.Uri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps), "image URLs absolute https");
        Check(product.Variants.Count is >= 1 and <= 100, "1 to 100 variants");
        foreach (var variant in product.Variants)
        {
            Check(Sku().IsMatch(variant.Sku), $"SKU '{variant.Sku}'");
            Check(variant.Price is { CurrencyCode: "EUR", AmountMinor: >= 0 }, $"{variant.Sku}: price in EUR, not negative");
            Check(variant.CompareAtPrice is null || variant.CompareAtPrice.AmountMinor > variant.Price.AmountMinor, $"{variant.Sku}: compare-at above price");
            Check(variant.WeightGrams > 0, $"{variant.Sku}: weight positive");
            Check(variant.Dimensions is null || (variant.Dimensions.LengthMm >= 0 && variant.Dimensions.WidthMm >= 0 && variant.Dimensions.HeightMm >= 0), $"{variant.Sku}: dimensions not negative");
            Check(variant.Gtin.Length == 0 || IsGtin(variant.Gtin), $"{variant.Sku}: GTIN '{variant.Gtin}' check digit");
            Check(variant.OptionValues.All(o => AttributeKey().IsMatch(o.Option) && o.Value.Values.Count > 0), $"{variant.Sku}: option values");
        }

        return problems;
    }

    /// <summary>The GS1 check: digits weighted 3, 1, 3, … from the right, check digit included, sum to a multiple of 10.</summary>
    public static bool IsGtin(string gtin)
    {
        if (gtin.Length is not (8 or 12 or 13 or 14) || !gtin.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = gtin.Reverse().Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return sum % 10 == 0;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Slug();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    public static partial Regex Sku();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex AttributeKey();

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,99}$")]
    private static partial Regex ValueCode();
}
