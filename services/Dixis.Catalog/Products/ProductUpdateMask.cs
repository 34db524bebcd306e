using Dixis.Contracts.Catalog.V1;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Catalog.Products;

/// <summary>
/// The fields <c>UpdateProduct</c> may change, and how a mask applies them. Paths are top-level fields of
/// <c>Product</c>; <c>*</c> means every writable field. Ownership, identity and output-only fields are refused by
/// name (FIELD_NOT_WRITABLE), so a caller learns at once that such a change is not possible.
/// </summary>
public static class ProductUpdateMask
{
    private static readonly string[] Writable = ["slug", "category_id", "brand", "name", "description", "attributes", "images", "tax_class", "status", "variants"];

    /// <summary>Every writable path: what <c>*</c> resolves to, and what an import row replaces.</summary>
    public static IReadOnlyList<string> AllWritable => Writable;

    private static readonly HashSet<string> NotWritable = new(StringComparer.Ordinal) { "id", "producer_id", "create_time", "update_time", "publish_time", "etag" };

    /// <summary>The writable paths the mask names, or every violation of the mask.</summary>
    public static IReadOnlyList<string> Paths(FieldMask? mask)
    {
        var violations = new FieldViolations();
        if (mask is null || mask.Paths.Count == 0)
        {
            violations.Add("update_mask", "is required: name the fields to change, e.g. 'name,variants', or '*' for every writable field.");
            violations.ThrowIfAny(Model.CatalogErrors.Domain);
        }

        var paths = new List<string>();
        foreach (var path in mask!.Paths)
        {
            if (path == "*")
            {
                paths.AddRange(Writable);
            }
            else if (Writable.Contains(path))
            {
                paths.Add(path);
            }
            else if (NotWritable.Contains(path) || path.StartsWith("variants.", StringComparison.Ordinal) && path.EndsWith("in_stock", StringComparison.Ordinal))
            {
                violations.Add("update_mask", $"'{path}' cannot be changed.", RpcErrors.FieldNotWritableReason);
            }
            else
            {
                violations.Add("update_mask", $"'{Text.LocalizedTextRules.Shorten(path)}' is not a field of Product that can be updated; use any of {string.Join(", ", Writable)}.");
            }
        }

        violations.ThrowIfAny(Model.CatalogErrors.Domain);
        return paths.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Copies the masked fields from <paramref name="source"/> onto <paramref name="target"/>.</summary>
    public static void Apply(IReadOnlyList<string> paths, Product source, Product target)
    {
        foreach (var path in paths)
        {
            switch (path)
            {
                case "slug": target.Slug = source.Slug; break;
                case "category_id": target.CategoryId = source.CategoryId; break;
                case "brand": target.Brand = source.Brand; break;
                case "name": target.Name = source.Name?.Clone(); break;
                case "description": target.Description = source.Description?.Clone(); break;
                case "tax_class": target.TaxClass = source.TaxClass; break;
                case "status": target.Status = source.Status == ProductStatus.Unspecified ? target.Status : source.Status; break;
                case "attributes": Replace(target.Attributes, source.Attributes); break;
                case "images": Replace(target.Images, source.Images); break;
                case "variants": Replace(target.Variants, source.Variants); break;
                default: throw new InvalidOperationException($"Path '{path}' is writable but not applied.");
            }
        }
    }

    private static void Replace<T>(Google.Protobuf.Collections.RepeatedField<T> target, Google.Protobuf.Collections.RepeatedField<T> source)
        where T : Google.Protobuf.IDeepCloneable<T>
    {
        target.Clear();
        target.AddRange(source.Select(item => item.Clone()));
    }
}
