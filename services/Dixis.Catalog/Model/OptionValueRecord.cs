namespace Dixis.Catalog.Model;

/// <summary>One option of a variant: its key (<c>volume</c>) and shown value per language (<c>500 ml</c>).</summary>
public sealed record OptionValueRecord(string Option, IReadOnlyDictionary<string, string> Value);
