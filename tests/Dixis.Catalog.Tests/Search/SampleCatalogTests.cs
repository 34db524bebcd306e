using Dixis.Catalog.Search;

namespace Dixis.Catalog.Tests.Search;

/// <summary>Tests that search the <see cref="SampleCatalog"/> (plus <see cref="ExtraProducts"/>) in a fresh index per test.</summary>
public abstract class SampleCatalogTests : IAsyncLifetime
{
    protected TemporarySearchIndex Index { get; private set; } = null!;

    /// <summary>Products a test class adds to the sample catalog.</summary>
    protected virtual IReadOnlyList<ProductSearchDocument> ExtraProducts => [];

    public async ValueTask InitializeAsync() => Index = await TemporarySearchIndex.OpenAsync([.. SampleCatalog.All, .. ExtraProducts]);

    public async ValueTask DisposeAsync()
    {
        await Index.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
