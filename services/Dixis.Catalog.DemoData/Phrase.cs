using Dixis.Contracts.Common.V1;

namespace Dixis.Catalog.DemoData;

/// <summary>A piece of shop text in Greek and English, kept side by side so the two languages never drift apart.</summary>
internal sealed record Phrase(string El, string En)
{
    public LocalizedText ToLocalizedText() => new() { Values = { ["el"] = El, ["en"] = En } };
}
