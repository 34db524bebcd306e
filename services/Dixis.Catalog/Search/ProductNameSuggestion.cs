namespace Dixis.Catalog.Search;

/// <summary>A product whose name completes a typed prefix.</summary>
/// <param name="Text">The product's name in the requested language (or the default one).</param>
/// <param name="ProductId">The product's id.</param>
/// <param name="Slug">The product's slug, for a direct link.</param>
public sealed record ProductNameSuggestion(string Text, string ProductId, string Slug);
