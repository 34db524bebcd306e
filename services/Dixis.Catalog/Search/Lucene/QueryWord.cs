namespace Dixis.Catalog.Search.Lucene;

/// <summary>One word of a shopper's text: its folded form and, per searched language, its stems (none when it is a stop word there).</summary>
internal sealed record QueryWord(string Folded, IReadOnlyList<IReadOnlyList<string>> StemsByLanguage)
{
    /// <summary>Whether some searched language ignores this word (<c>the</c>, <c>και</c>).</summary>
    public bool IsStopWord => StemsByLanguage.Any(stems => stems.Count == 0);
}
