namespace Dixis.Catalog.Search;

/// <summary>One attribute of a searchable product, e.g. key <c>origin_region</c>, value <c>crete</c>, label Κρήτη / Crete.</summary>
public sealed record SearchAttribute(string Key, string Value, IReadOnlyDictionary<string, string> Label);
