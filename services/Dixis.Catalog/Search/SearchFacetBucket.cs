namespace Dixis.Catalog.Search;

/// <summary>One facet value and how many matches have it.</summary>
/// <param name="Value">Category or producer id, attribute value, or price range <c>min-max</c> in minor units (either side may be empty).</param>
/// <param name="Count">The matches with this value.</param>
/// <param name="Label">How the value is shown per language, where the engine knows it (attribute labels, producer names); null otherwise.</param>
public sealed record SearchFacetBucket(string Value, long Count, IReadOnlyDictionary<string, string>? Label);
