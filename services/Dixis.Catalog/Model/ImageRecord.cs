namespace Dixis.Catalog.Model;

/// <summary>A picture of a product: https URL, alternative text per language, display order.</summary>
public sealed record ImageRecord(string Uri, IReadOnlyDictionary<string, string> AltText, int Position);
