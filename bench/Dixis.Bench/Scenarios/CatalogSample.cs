namespace Dixis.Bench.Scenarios;

/// <summary>What scenarios need from the loaded catalog to build a request that finds something.</summary>
/// <param name="ProductId">An active product's id.</param>
/// <param name="CategoryIdsByPath">The catalog's category ids by slug path, e.g. <c>olive-oil</c>.</param>
public sealed record CatalogSample(string ProductId, IReadOnlyDictionary<string, string> CategoryIdsByPath)
{
    /// <exception cref="BenchFailedException">The catalog has no such category (the demo tree is missing).</exception>
    public string CategoryId(string path) =>
        CategoryIdsByPath.TryGetValue(path, out var id) ? id : throw new BenchFailedException($"the catalog has no category '{path}'.");
}
