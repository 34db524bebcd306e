using Dixis.Catalog.Model;
using Dixis.Catalog.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Products;

/// <summary>
/// Checks a product as it would be stored (after a create, or after an update mask was applied) and reports
/// every bad field at once, with paths as the request names them (<c>product.variants[0].price.amount_minor</c>).
/// References to other resources (category, producer) and uniqueness (slug, SKU) are checked by the writer,
/// which needs the store.
/// </summary>
public sealed class ProductValidator(IOptions<CatalogOptions> options)
{
    public FieldViolations Validate(Product product, string prefix = "product")
    {
        var violations = new FieldViolations();
        var catalog = options.Value;

        if (string.IsNullOrEmpty(product.Slug))
        {
            violations.Add($"{prefix}.slug", "is required.");
        }
        else if (!ProductRules.Slug().IsMatch(product.Slug))
        {
            violations.Add($"{prefix}.slug", $"'{LocalizedTextRules.Shorten(product.Slug)}' is not a slug: use 3 to 120 lower-case letters, digits and single hyphens, e.g. 'kalamata-olive-oil'.");
        }

        if (string.IsNullOrEmpty(product.CategoryId))
        {
            violations.Add($"{prefix}.category_id", "is required.");
        }
        else if (!ProductRules.Id().IsMatch(product.CategoryId))
        {
            violations.Add($"{prefix}.category_id", "is not a category id.");
        }

        if (product.Brand.Length > ProductRules.MaxBrandLength)
        {
            violations.Add($"{prefix}.brand", $"is {product.Brand.Length} characters long; the maximum is {ProductRules.MaxBrandLength}.");
        }

        LocalizedTextRules.Check(violations, $"{prefix}.name", product.Name, ProductRules.MaxNameLength, catalog.DefaultLanguage);
        LocalizedTextRules.Check(violations, $"{prefix}.description", product.Description, ProductRules.MaxDescriptionLength, requiredLanguage: null);

        if (product.TaxClass == TaxClass.Unspecified || !Enum.IsDefined(product.TaxClass))
        {
            violations.Add($"{prefix}.tax_class", "is required: one of TAX_CLASS_STANDARD, TAX_CLASS_REDUCED, TAX_CLASS_SUPER_REDUCED, TAX_CLASS_ZERO.");
        }

        if (!Enum.IsDefined(product.Status))
        {
            violations.Add($"{prefix}.status", $"{(int)product.Status} is not a product status.");
        }

        CheckAttributes(violations, prefix, product);
        CheckImages(violations, prefix, product);
        CheckVariants(violations, prefix, product, catalog.CurrencyCode);
        return violations;
    }

    private static void CheckAttributes(FieldViolations violations, string prefix, Product product)
    {
        if (product.Attributes.Count > ProductRules.MaxAttributes)
        {
            violations.Add($"{prefix}.attributes", $"has {product.Attributes.Count} attributes; at most {ProductRules.MaxAttributes} are allowed.");
            return;
        }

        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < product.Attributes.Count; i++)
        {
            var attribute = product.Attributes[i];
            var field = $"{prefix}.attributes[{i}]";
            if (!ProductRules.Key().IsMatch(attribute.Key))
            {
                violations.Add($"{field}.key", $"'{LocalizedTextRules.Shorten(attribute.Key)}' is not a key: use lower-case snake case, e.g. 'origin_region'.");
            }

            if (!ProductRules.ValueCode().IsMatch(attribute.Value))
            {
                violations.Add($"{field}.value", $"'{LocalizedTextRules.Shorten(attribute.Value)}' is not a value code: use lower-case letters, digits, '-', '_' and '.', e.g. 'crete'.");
            }

            if (!seen.Add((attribute.Key, attribute.Value)))
            {
                violations.Add(field, $"repeats {attribute.Key}:{LocalizedTextRules.Shorten(attribute.Value)}.");
            }

            LocalizedTextRules.Check(violations, $"{field}.display_value", attribute.DisplayValue, ProductRules.MaxLabelLength, requiredLanguage: null);
        }
    }

    private static void CheckImages(FieldViolations violations, string prefix, Product product)
    {
        if (product.Images.Count > ProductRules.MaxImages)
        {
            violations.Add($"{prefix}.images", $"has {product.Images.Count} images; at most {ProductRules.MaxImages} are allowed.");
            return;
        }

        for (var i = 0; i < product.Images.Count; i++)
        {
            var image = product.Images[i];
            var field = $"{prefix}.images[{i}]";
            if (image.Uri.Length > ProductRules.MaxUriLength
                || !Uri.TryCreate(image.Uri, UriKind.Absolute, out var uri)
                || uri.Scheme != Uri.UriSchemeHttps)
            {
                violations.Add($"{field}.uri", "must be an absolute https URL of at most 2048 characters.");
            }

            if (image.Position < 0)
            {
                violations.Add($"{field}.position", "must not be negative.");
            }

            LocalizedTextRules.Check(violations, $"{field}.alt_text", image.AltText, ProductRules.MaxAltTextLength, requiredLanguage: null);
        }
    }

    private static void CheckVariants(FieldViolations violations, string prefix, Product product, string currencyCode)
    {
        if (product.Variants.Count == 0)
        {
            violations.Add($"{prefix}.variants", "must have at least one variant.");
            return;
        }

        if (product.Variants.Count > ProductRules.MaxVariants)
        {
            violations.Add($"{prefix}.variants", $"has {product.Variants.Count} variants; at most {ProductRules.MaxVariants} are allowed.");
            return;
        }

        var skus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < product.Variants.Count; i++)
        {
            var variant = product.Variants[i];
            var field = $"{prefix}.variants[{i}]";
            if (string.IsNullOrEmpty(variant.Sku))
            {
                violations.Add($"{field}.sku", "is required.");
            }
            else if (!ProductRules.Sku().IsMatch(variant.Sku))
            {
                violations.Add($"{field}.sku", $"'{LocalizedTextRules.Shorten(variant.Sku)}' is not a SKU: use 1 to 64 letters, digits, '-', '_' and '.'.");
            }
            else if (!skus.Add(variant.Sku))
            {
                violations.Add($"{field}.sku", $"'{variant.Sku}' is used by another variant of this product.");
            }

            CheckPrice(violations, $"{field}.price", variant.Price, currencyCode, required: true);
            CheckPrice(violations, $"{field}.compare_at_price", variant.CompareAtPrice, currencyCode, required: false);
            if (variant.CompareAtPrice is { } compareAt && variant.Price is { } price && compareAt.AmountMinor <= price.AmountMinor && compareAt.AmountMinor >= 0 && price.AmountMinor >= 0)
            {
                violations.Add($"{field}.compare_at_price.amount_minor", "must be above the price, or unset.");
            }

            if (variant.WeightGrams <= 0 || variant.WeightGrams > ProductRules.MaxWeightGrams)
            {
                violations.Add($"{field}.weight_grams", $"must be between 1 and {ProductRules.MaxWeightGrams} grams.");
            }

            CheckDimensions(violations, $"{field}.dimensions", variant.Dimensions);
            if (!string.IsNullOrEmpty(variant.Gtin) && !ProductRules.IsGtin(variant.Gtin))
            {
                violations.Add($"{field}.gtin", "is not a GTIN-8, -12, -13 or -14 with a valid check digit.");
            }

            for (var j = 0; j < variant.OptionValues.Count; j++)
            {
                var option = variant.OptionValues[j];
                if (!ProductRules.Key().IsMatch(option.Option))
                {
                    violations.Add($"{field}.option_values[{j}].option", $"'{LocalizedTextRules.Shorten(option.Option)}' is not an option key: use lower-case snake case, e.g. 'volume'.");
                }

                LocalizedTextRules.Check(violations, $"{field}.option_values[{j}].value", option.Value, ProductRules.MaxLabelLength, requiredLanguage: null);
            }
        }
    }

    private static void CheckPrice(FieldViolations violations, string field, Money? price, string currencyCode, bool required)
    {
        if (price is null)
        {
            if (required)
            {
                violations.Add(field, "is required.");
            }

            return;
        }

        if (price.CurrencyCode.Length > 0 && price.CurrencyCode != currencyCode)
        {
            violations.Add($"{field}.currency_code", $"must be {currencyCode}, the market's currency.");
        }

        if (price.AmountMinor < 0)
        {
            violations.Add($"{field}.amount_minor", "must not be negative.");
        }
        else if (price.AmountMinor > ProductRules.MaxPriceMinor)
        {
            violations.Add($"{field}.amount_minor", $"must be at most {ProductRules.MaxPriceMinor} minor units.");
        }
    }

    private static void CheckDimensions(FieldViolations violations, string field, Dimensions? dimensions)
    {
        if (dimensions is null)
        {
            return;
        }

        foreach (var (name, value) in new[] { ("length_mm", dimensions.LengthMm), ("width_mm", dimensions.WidthMm), ("height_mm", dimensions.HeightMm) })
        {
            if (value < 0 || value > ProductRules.MaxDimensionMm)
            {
                violations.Add($"{field}.{name}", $"must be between 0 and {ProductRules.MaxDimensionMm} mm.");
            }
        }
    }
}
