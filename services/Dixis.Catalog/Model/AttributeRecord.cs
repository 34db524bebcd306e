namespace Dixis.Catalog.Model;

/// <summary>One fact of a product: stable key and value codes (<c>origin_region</c>, <c>crete</c>) and the shown value per language.</summary>
public sealed record AttributeRecord(string Key, string Value, IReadOnlyDictionary<string, string> DisplayValue);
